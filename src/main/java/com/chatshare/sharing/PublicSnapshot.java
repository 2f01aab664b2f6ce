package com.chatshare.sharing;

import java.time.Instant;
import java.util.List;

/**
 * What anyone with the link sees. Carries no owner identity beyond the display name the owner
 * chose to show ({@code sharedBy}, empty when shared anonymously).
 *
 * @param version changes with every update of the snapshot; part of the page's ETag
 * @param previewCard whether the public page carries a preview card (decision 0027): the owner turned
 *        it on for a link for anyone (the policy turns every card off when it forbids them)
 */
public record PublicSnapshot(long shareId, String title, String sharedBy, Instant sharedAt, Instant updatedAt,
        int version, List<SnapshotMessage> messages, boolean previewCard) {

    /** Who the snapshot names, in the words every view of it uses. */
    public Attribution attribution() {
        return new Attribution(sharedBy);
    }

    public boolean isAnonymous() {
        return attribution().isAnonymous();
    }
}
