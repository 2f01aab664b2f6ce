package com.chatshare.conversations;

import java.time.Instant;

/**
 * One message of a conversation, as the chat view shows it. Content is untrusted Markdown.
 *
 * @param fromShare copied from a shared chat by "Continue": someone else's words, not the owner's
 */
public record ChatMessage(long id, int position, MessageRole role, String content, MessageStatus status,
        Instant createdAt, boolean fromShare) {

    public ChatMessage(long id, int position, MessageRole role, String content, MessageStatus status,
            Instant createdAt) {
        this(id, position, role, content, status, createdAt, false);
    }

    /** The longest message a user may send, in characters. */
    public static final int MAX_LENGTH = 32_000;
    /** The most messages one conversation holds, questions and answers together. */
    public static final int MAX_PER_CONVERSATION = 2_000;
    /** The longest answer kept from the assistant; a longer one ends there, marked incomplete. */
    public static final int MAX_ANSWER_LENGTH = 200_000;
}
