package com.chatshare.conversations;

/**
 * The chat no longer ends where the sender's screen does: another tab or window switched version
 * or edited a message meanwhile. Nothing was stored; the screen should show the chat again.
 */
public class ChatChangedElsewhereException extends InvalidChatInputException {

    public ChatChangedElsewhereException() {
        super("This chat changed in another tab or window; it now shows what it holds. "
                + "Your text is still here: send it again.");
    }
}
