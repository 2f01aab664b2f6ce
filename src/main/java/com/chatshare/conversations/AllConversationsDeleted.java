package com.chatshare.conversations;

/** Published when an owner deletes all their conversations (and with them their links). */
public record AllConversationsDeleted(long ownerId, int count) {
}
