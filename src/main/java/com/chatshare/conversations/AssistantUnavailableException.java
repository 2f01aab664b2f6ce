package com.chatshare.conversations;

import org.jspecify.annotations.Nullable;

/** The assistant failed to answer; the message says why in words fit for the user. */
public class AssistantUnavailableException extends RuntimeException {

    public AssistantUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
