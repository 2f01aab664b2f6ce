package com.chatshare.conversations;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One conversation read from an export (ChatGPT's, Claude's, Chatshare's own), in no service's
 * format: what {@link ChatImports#importChat} writes. Its messages form a tree through their
 * parent keys, every branch kept.
 *
 * @param sourceKey the conversation's id in the export, when it has one: a chat imported once is
 *     not imported again
 * @param onScreenLeafKey the key of the last message of the path the export showed; null: the
 *     newest message of the longest path
 */
public record ImportedChat(@Nullable String sourceKey, String title, Instant createdAt, Instant updatedAt, ImportSource source,
        List<ImportedMessage> messages, @Nullable String onScreenLeafKey) {

    public ImportedChat {
        messages = List.copyOf(messages);
    }
}
