package com.chatshare.conversations;

/** The assistant failed to answer; the message says why in words fit for the user. */
public class AssistantUnavailableException extends RuntimeException {

    public AssistantUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
