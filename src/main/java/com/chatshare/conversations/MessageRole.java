package com.chatshare.conversations;

/** Who wrote a message. */
public enum MessageRole {
    USER,
    ASSISTANT
}
