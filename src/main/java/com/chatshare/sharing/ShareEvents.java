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

    /**
     * An admin saved the sharing policy; published in the transaction that applied it to the links.
     *
     * @param changes what changed, as "setting: old → new" (empty when a first save kept the
     *        configured values)
     * @param linksMadeSignedIn public links that became signed-in only (public links turned off)
     * @param expiriesShortened links whose expiry was brought down to the new maximum
     * @param notices one per owner whose listed links changed
     */
    public record SharingPolicyChanged(java.util.List<String> changes, int linksMadeSignedIn, int expiriesShortened,
            java.util.List<PolicyNotice> notices) {
    }

    /** What a sharing-policy change tells one owner about their links, in words meant for them. */
    public record PolicyNotice(long ownerId, String message) {
    }
}
