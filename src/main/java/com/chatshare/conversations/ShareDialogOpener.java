package com.chatshare.conversations;

/**
 * Opens the share dialog of a conversation. The sharing feature provides it; the chat view calls
 * it from the chat list and the conversation header without depending on sharing.
 */
public interface ShareDialogOpener {

    void open(ConversationSummary conversation);
}
