package com.chatshare.sharing;

import java.util.List;
import java.util.Optional;

/**
 * Everything the share dialog shows: the snapshot as viewers will see it once the owner clicks
 * Copy Link (or Update and Copy Link), and the existing link, if any; who can open it and until
 * when (the link's, or the defaults), and what expiries the instance allows.
 */
public record SharePreview(long conversationId, String title, ShareVisibility visibility, String ownerDisplayName,
        List<SnapshotMessage> messages, Optional<ShareDetails> link, ShareSettings settings, ExpiryPolicy expiryPolicy) {

    public boolean isEmpty() {
        return messages.isEmpty();
    }
}
