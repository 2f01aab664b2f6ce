package com.chatshare.sharing.internal;

import com.chatshare.conversations.SharedConversations;
import com.chatshare.security.CurrentUser;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import com.chatshare.base.ui.Dates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the chat list which of the signed-in user's chats have a link open now (active, not expired), and for whom. */
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
    public Map<Long, LinkBadge> withActiveLink(Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        return links.findOpenLinks(currentUser.requireUserId(), conversationIds, clock.instant()).stream()
                .collect(Collectors.toMap(OpenLink::conversationId, link -> new LinkBadge(sentence(link))));
    }

    /** Who can open the link, and until when, in the chat list's words. */
    static String sentence(OpenLink link) {
        String who = switch (link.audience()) {
            case ANYONE -> "Shared: anyone with the link can read it";
            case SIGNED_IN -> "Shared: anyone signed in with the link can read it";
            case PEOPLE -> "Shared: only the people you listed can read it";
        };
        return link.expiresAt() == null ? who : who + " until " + Dates.dateTime(link.expiresAt());
    }
}
