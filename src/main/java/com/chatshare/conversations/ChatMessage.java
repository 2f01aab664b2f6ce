package com.chatshare.conversations;

import java.time.Instant;

/** One message of a conversation, as the chat view shows it. Content is untrusted Markdown. */
public record ChatMessage(long id, int position, MessageRole role, String content, MessageStatus status,
        Instant createdAt) {

    /** The longest message a user may send, in characters. */
    public static final int MAX_LENGTH = 32_000;
}
