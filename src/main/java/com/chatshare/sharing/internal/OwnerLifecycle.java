package com.chatshare.sharing.internal;

import com.chatshare.accounts.AccountChanged;
import com.chatshare.accounts.AccountDeleted;
import com.chatshare.conversations.AllConversationsDeleted;
import com.chatshare.conversations.ConversationDeleted;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Links follow their owner and conversation, in the transaction that changed them: a disabled
 * owner's links answer 404 until enabled again; a deleted conversation's or account's links are
 * deleted, except taken-down ones, which only leave the owner's list (moderation keeps them until
 * the retention ends). No foreign key does this, so no other feature's delete reaches sharing's
 * tables.
 */
@Component
class OwnerLifecycle {

    private final ShareLinkRepository links;
    private final OwnedLinks ownedLinks;
    private final Clock clock;
    private final RevocationFeed feed;

    private final LinkMembers members;

    OwnerLifecycle(ShareLinkRepository links, OwnedLinks ownedLinks, Clock clock, RevocationFeed feed,
            LinkMembers members) {
        this.feed = feed;
        this.members = members;
        this.links = links;
        this.ownedLinks = ownedLinks;
        this.clock = clock;
    }

    @EventListener
    void on(AccountChanged event) {
        switch (event.change()) {
            case DISABLED -> {
                links.setOwnerActive(event.accountId(), false);
                feed.revokeOwner(event.accountId());
            }
            case ENABLED -> {
                links.setOwnerActive(event.accountId(), true);
                feed.revokeOwner(event.accountId());
            }
            default -> {
            }
        }
    }

    @EventListener
    void on(AccountDeleted event) {
        ownedLinks.deleteAll(event.accountId(), true, clock.instant());
        // The signed-in page asks the database every time, so no node remembers this membership.
        members.forgetAccount(event.accountId());
    }

    @EventListener
    void on(AllConversationsDeleted event) {
        ownedLinks.deleteAll(event.ownerId(), true, clock.instant());
    }

    @EventListener
    void on(ConversationDeleted event) {
        ownedLinks.deleteOfConversation(event.ownerId(), event.conversationId(), clock.instant());
    }
}
