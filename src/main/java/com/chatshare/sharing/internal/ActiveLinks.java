package com.chatshare.sharing.internal;

import com.chatshare.conversations.SharedConversations;
import com.chatshare.security.CurrentUser;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the chat list which of the signed-in user's chats have a link open now (active, not expired). */
@Component
class ActiveLinks implements SharedConversations {

    private final ShareLinkRepository links;
    private final CurrentUser currentUser;
    private final Clock clock;

    ActiveLinks(ShareLinkRepository links, CurrentUser currentUser, Clock clock) {
        this.links = links;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> withActiveLink(Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(links.findConversationIdsWithActiveLink(currentUser.requireUserId(), conversationIds,
                clock.instant()));
    }
}
