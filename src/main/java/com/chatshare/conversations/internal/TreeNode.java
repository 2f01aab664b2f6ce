package com.chatshare.conversations.internal;

import org.jspecify.annotations.Nullable;

/** Where one message sits in its conversation's tree, without its content. */
public record TreeNode(long id, @Nullable Long parentId, int position) {
}
