package com.chatshare.sharing;

/** Events of the sharing feature, for the audit log and counters. Never carry message content. */
public final class ShareEvents {

    private ShareEvents() {
    }

    public record ShareCreated(long shareId, long ownerId, long conversationId) {
    }

    public record ShareUpdated(long shareId, long ownerId, int version) {
    }

    public record ShareDeleted(long shareId, long ownerId) {
    }

    public record ConversationContinued(long shareId, long recipientId, long conversationId) {
    }
}
