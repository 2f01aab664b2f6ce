package com.chatshare.conversations;

import java.util.List;
import java.util.Map;

/**
 * Some consecutive messages of the path on screen, oldest first, as a long chat shows them: the
 * most recent when it opens, earlier ones as the reader scrolls up.
 *
 * @param hasEarlier whether the path has messages before the first of these
 * @param versions for each of these messages that has other versions (edited, regenerated), which
 *        one it is; messages without other versions are not in it
 */
public record MessagePage(List<ChatMessage> messages, boolean hasEarlier, Map<Long, MessageVersion> versions) {

    public MessagePage {
        messages = List.copyOf(messages);
        versions = Map.copyOf(versions);
    }

    public MessagePage(List<ChatMessage> messages, boolean hasEarlier) {
        this(messages, hasEarlier, Map.of());
    }

    /** The position of the first message, where the next earlier page ends; 0 when there are none. */
    public int firstPosition() {
        return messages.isEmpty() ? 0 : messages.getFirst().position();
    }

    /** Which version the message is; 1 of 1 when it has no others. */
    public MessageVersion versionOf(ChatMessage message) {
        return versions.getOrDefault(message.id(), new MessageVersion(1, 1));
    }
}
