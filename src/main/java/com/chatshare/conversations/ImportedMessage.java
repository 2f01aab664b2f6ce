package com.chatshare.conversations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message of an {@link ImportedChat}, as another service's export holds it: untrusted text.
 *
 * @param key the message's id in the export, unique within its chat
 * @param parentKey the key of the message it follows; null (or a key not in the chat) for a first message
 * @param model the model that wrote an answer, when the export says
 */
public record ImportedMessage(String key, @Nullable String parentKey, MessageRole role, String text,
        @Nullable String model, Instant createdAt) {
}
