package com.chatshare.conversations;

/**
 * Whether a message is whole. Only assistant answers are ever anything but {@link #COMPLETE}:
 * one being written, one the user stopped, one cut short by a failure of the assistant.
 */
public enum MessageStatus {
    COMPLETE,
    GENERATING,
    STOPPED,
    FAILED;

    /** Whether the answer ended before the assistant finished it. */
    public boolean isIncomplete() {
        return this == STOPPED || this == FAILED;
    }
}
