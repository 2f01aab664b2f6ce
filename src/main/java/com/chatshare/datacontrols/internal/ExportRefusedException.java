package com.chatshare.datacontrols.internal;

/** A file that is not an export this import reads, or that breaks a limit; the message is for the user. */
public class ExportRefusedException extends RuntimeException {

    public ExportRefusedException(String message) {
        super(message);
    }

    public ExportRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
