package com.chatshare.sharing;

import com.chatshare.conversations.MessageRole;

/**
 * One message of a shared snapshot, rendered: {@code html} is Markdown turned into HTML with raw
 * HTML escaped, links allow-listed and everything else stripped. Safe to put into a page.
 */
public record SnapshotMessage(MessageRole role, String html) {
}
