package com.chatshare.conversations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation, as the chat view shows it. Content is untrusted Markdown.
 *
 * @param fromShare copied from a shared chat by "Continue": someone else's words, not the owner's
 * @param model the model that wrote an answer, as the endpoint named it (untrusted text); null for
 *     questions and for answers from before models were recorded
 */
public record ChatMessage(long id, int position, MessageRole role, String content, MessageStatus status,
        Instant createdAt, boolean fromShare, @Nullable String model) {

    public ChatMessage(long id, int position, MessageRole role, String content, MessageStatus status,
            Instant createdAt, boolean fromShare) {
        this(id, position, role, content, status, createdAt, fromShare, null);
    }

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
