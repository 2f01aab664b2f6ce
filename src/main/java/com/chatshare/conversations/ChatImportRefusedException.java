package com.chatshare.conversations;

/** An imported chat that was not written, for a reason an import summary groups by: {@link #getMessage()}. */
public class ChatImportRefusedException extends InvalidChatInputException {

    public ChatImportRefusedException(String reason) {
        super(reason);
    }
}
