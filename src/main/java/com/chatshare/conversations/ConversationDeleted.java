package com.chatshare.conversations;

/** Published when an owner deletes a conversation; sharing removes its link in response. */
public record ConversationDeleted(long conversationId, long ownerId) {
}
