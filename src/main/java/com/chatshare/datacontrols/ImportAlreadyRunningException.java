package com.chatshare.datacontrols;

/** The user's other import (in another tab) is still running: one at a time per user. */
public class ImportAlreadyRunningException extends RuntimeException {

    public ImportAlreadyRunningException() {
        super("An import of your chats is already running, perhaps in another tab. Wait for it to end, then try again.");
    }
}
