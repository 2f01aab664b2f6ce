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

    /** Several links deleted at once: selected, or all of an owner's. */
    public record SharesDeleted(long ownerId, int count) {
    }

    /**
     * The retention job deleted these taken-down links for good (their owners had removed them
     * before {@code removedBefore}); published in the transaction that deleted them.
     */
    public record TakenDownLinksPurged(java.util.List<Long> shareIds, java.time.Instant removedBefore) {
    }

    /** One run of the retention job ended, having purged {@code purged} links; also when it found none. */
    public record TakedownRetentionRan(int purged, java.time.Instant removedBefore) {
    }

    public record ConversationContinued(long shareId, long recipientId, long conversationId) {
    }
}
