package com.chatshare.sharing;

import com.chatshare.conversations.MessageRole;
import org.jspecify.annotations.Nullable;

/**
 * One message of a {@link SnapshotSource}: its role and its Markdown as stored, and how many
 * messages the owner left out just before it, and the model that wrote an answer (null when not
 * recorded).
 */
public record SourceMessage(MessageRole role, String markdown, int omittedBefore, @Nullable String model) {

    public SourceMessage(MessageRole role, String markdown) {
        this(role, markdown, 0, null);
    }

    public SourceMessage(MessageRole role, String markdown, int omittedBefore) {
        this(role, markdown, omittedBefore, null);
    }
}
