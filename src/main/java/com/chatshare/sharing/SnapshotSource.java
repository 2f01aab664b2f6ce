package com.chatshare.sharing;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot as its owner's words were stored, for the Markdown download: the title and name as
 * text (bidirectional overrides removed, as on the page), each message's Markdown source, not
 * rendered.
 *
 * @param sharedBy the name the owner chose to show; empty or null when shared anonymously
 */
public record SnapshotSource(long shareId, String title, @Nullable String sharedBy, Instant sharedAt,
        Instant updatedAt, int version, List<SourceMessage> messages) {

    /** Who the snapshot names, in the words every view of it uses. */
    public Attribution attribution() {
        return new Attribution(sharedBy);
    }

    public boolean isAnonymous() {
        return attribution().isAnonymous();
    }
}
