package com.chatshare.conversations;

/**
 * Opens the share dialog of a conversation. The sharing feature provides it; the chat view calls
 * it from the chat list and the conversation header without depending on sharing.
 */
public interface ShareDialogOpener {

    /** @param onClosed runs when the dialog closes (a link may have been made or deleted meanwhile) */
    void open(ConversationSummary conversation, Runnable onClosed);
}
