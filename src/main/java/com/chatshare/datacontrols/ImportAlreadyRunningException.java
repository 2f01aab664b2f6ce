package com.chatshare.datacontrols;

/**
 * An import cannot start now: the user's other import (in another tab) is still running, one at a
 * time per user; or the server's importer is busy with someone else's.
 */
public class ImportAlreadyRunningException extends RuntimeException {

    static final String YOURS = "An import of your chats is already running, perhaps in another tab. "
            + "Wait for it to end, then try again.";
    static final String SOMEONE_ELSES = "The server is importing someone else's chats. Try again in a few minutes.";

    public ImportAlreadyRunningException() {
        this(YOURS);
    }

    ImportAlreadyRunningException(String message) {
        super(message);
    }
}
