package com.chatshare.sharing;

import com.chatshare.conversations.MessageRole;

/**
 * One message of a {@link SnapshotSource}: its role and its Markdown as stored, and how many
 * messages the owner left out just before it.
 */
public record SourceMessage(MessageRole role, String markdown, int omittedBefore) {

    public SourceMessage(MessageRole role, String markdown) {
        this(role, markdown, 0);
    }
}
