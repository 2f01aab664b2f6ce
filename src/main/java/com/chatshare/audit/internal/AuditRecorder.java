package com.chatshare.audit.internal;

import com.chatshare.accounts.AccountChanged;
import com.chatshare.accounts.PasswordChanged;
import com.chatshare.accounts.AccountDeleted;
import com.chatshare.accounts.AccountRegistered;
import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditLog;
import com.chatshare.conversations.AllConversationsDeleted;
import com.chatshare.conversations.ConversationDeleted;
import com.chatshare.sharing.ShareEvents;
import com.chatshare.sharingpolicy.SharingPolicyChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the features' events into audit entries. The listeners run synchronously, inside the
 * transaction that published the event: the entry commits with the action or not at all.
 */
@Component
class AuditRecorder {

    private final AuditLog log;

    AuditRecorder(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(AccountRegistered event) {
        log.record(AuditAction.ACCOUNT_REGISTERED, "user:" + event.accountId(), event.username());
    }

    @EventListener
    void on(AccountDeleted event) {
        log.record(AuditAction.ACCOUNT_DELETED, "user:" + event.accountId(), event.username());
    }

    @EventListener
    void on(PasswordChanged event) {
        log.record(AuditAction.PASSWORD_CHANGED, "user:" + event.accountId(), event.username());
    }

    @EventListener
    void on(AccountChanged event) {
        AuditAction action = switch (event.change()) {
            case MODERATOR_GRANTED -> AuditAction.ROLE_GRANTED;
            case MODERATOR_REVOKED -> AuditAction.ROLE_REVOKED;
            case DISABLED -> AuditAction.ACCOUNT_DISABLED;
            case ENABLED -> AuditAction.ACCOUNT_ENABLED;
        };
        String details = event.change() == AccountChanged.Change.MODERATOR_GRANTED
                || event.change() == AccountChanged.Change.MODERATOR_REVOKED ? "MODERATOR" : null;
        log.record(action, "user:" + event.accountId(), details == null ? event.username()
                : event.username() + ": " + details);
    }

    @EventListener
    void on(ConversationDeleted event) {
        log.record(AuditAction.CONVERSATION_DELETED, "conversation:" + event.conversationId(), null);
    }

    @EventListener
    void on(AllConversationsDeleted event) {
        log.record(AuditAction.ALL_CONVERSATIONS_DELETED, "user:" + event.ownerId(), event.count() + " conversations");
    }

    @EventListener
    void on(ShareEvents.ShareCreated event) {
        log.record(AuditAction.LINK_CREATED, "share:" + event.shareId(), null);
    }

    @EventListener
    void on(ShareEvents.ShareUpdated event) {
        log.record(AuditAction.LINK_UPDATED, "share:" + event.shareId(), "version " + event.version());
    }

    @EventListener
    void on(SharingPolicyChanged event) {
        String changes = event.changes().isEmpty() ? "saved as configured" : String.join("; ", event.changes());
        log.record(AuditAction.SHARING_POLICY_CHANGED, "sharing-policy", changes + ". Links made signed-in only: "
                + event.linksMadeSignedIn() + "; expiries shortened: " + event.expiriesShortened()
                + "; owners notified: " + event.notices().size() + ".");
    }

    @EventListener
    void on(ShareEvents.ShareDeleted event) {
        log.record(AuditAction.LINK_DELETED, "share:" + event.shareId(), null);
    }

    @EventListener
    void on(ShareEvents.SharesDeleted event) {
        log.record(AuditAction.LINKS_BULK_DELETED, "user:" + event.ownerId(), event.count() + " links");
    }

    @EventListener
    void on(ShareEvents.ConversationContinued event) {
        log.record(AuditAction.CONVERSATION_CONTINUED, "share:" + event.shareId(),
                "copy conversation:" + event.conversationId());
    }
}
