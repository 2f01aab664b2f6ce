package com.chatshare.conversations;

/**
 * The conversation does not exist or belongs to someone else; the two look the same on purpose.
 */
public class ConversationNotFoundException extends RuntimeException {

    public ConversationNotFoundException() {
        super("This conversation does not exist.");
    }
}
