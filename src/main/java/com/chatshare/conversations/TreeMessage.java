package com.chatshare.conversations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation's whole tree, every branch, for the data export.
 *
 * @param parentId the message it follows; null for a first message (versions share their parent)
 * @param onScreen whether it is on the path the chat shows
 * @param model the model that wrote an answer; null for questions and answers from before models were recorded
 */
public record TreeMessage(long id, @Nullable Long parentId, int position, MessageRole role, String content,
        MessageStatus status, Instant createdAt, boolean fromShare, boolean onScreen, @Nullable String model) {
}
