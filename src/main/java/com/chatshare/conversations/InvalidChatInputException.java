package com.chatshare.conversations;

/** Input that breaks a rule of the chat; the message is meant for the user. */
public class InvalidChatInputException extends RuntimeException {

    public InvalidChatInputException(String message) {
        super(message);
    }
}
