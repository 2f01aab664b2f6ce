package com.chatshare.conversations;

import java.util.List;

/**
 * Some consecutive messages of a conversation, oldest first, as a long chat shows them: the most
 * recent when it opens, earlier ones as the reader scrolls up.
 *
 * @param hasEarlier whether the conversation has messages before the first of these
 */
public record MessagePage(List<ChatMessage> messages, boolean hasEarlier) {

    public MessagePage {
        messages = List.copyOf(messages);
    }

    /** The position of the first message, where the next earlier page ends; 0 when there are none. */
    public int firstPosition() {
        return messages.isEmpty() ? 0 : messages.getFirst().position();
    }
}
