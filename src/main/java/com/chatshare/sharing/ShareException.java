package com.chatshare.sharing;

/** A sharing request that cannot be done; the message says why in words fit for the user. */
public class ShareException extends RuntimeException {

    /** What the refusal is about, so the dialog can show it where it belongs. */
    public enum Reason {
        /** The title: the dialog shows it on the title field. */
        TITLE,
        /** The link was shared or updated elsewhere since the preview the choice was made on. */
        CHANGED_SINCE_PREVIEW,
        /** Anything else: shown as a notice. */
        OTHER
    }

    private final Reason reason;

    public ShareException(String message) {
        this(Reason.OTHER, message);
    }

    public ShareException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
