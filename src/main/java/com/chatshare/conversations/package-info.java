/**
 * A user's chats with the assistant: {@link com.chatshare.conversations.ConversationService},
 * the {@link com.chatshare.conversations.Assistant} port, messages and their limits, search across
 * a user's chats ({@link com.chatshare.conversations.ChatSearchResult}), pinned and archived chats,
 * and the ports the chat view needs from sharing ({@link com.chatshare.conversations.SharedConversations},
 * {@link com.chatshare.conversations.ShareDialogOpener}), which sharing implements, the models a
 * chat may use ({@link com.chatshare.conversations.ModelOptions}) and each person's private
 * {@link com.chatshare.conversations.CustomInstructions}, and the writing of chats imported from
 * other services' exports ({@link com.chatshare.conversations.ChatImports}). Owns {@code conversation}, {@code message}
 * and {@code custom_instruction}; depends on no other feature.
 */
@NullMarked
package com.chatshare.conversations;

import org.jspecify.annotations.NullMarked;
