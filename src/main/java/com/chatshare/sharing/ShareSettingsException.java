package com.chatshare.sharing;

/** Who can open a link, or until when, cannot be as asked; says which, so a form can mark the field. */
public class ShareSettingsException extends ShareException {

    /** The setting the message is about. */
    public enum Setting { PEOPLE, EXPIRY, AUDIENCE, PREVIEW_CARD }

    private final Setting setting;

    public ShareSettingsException(Setting setting, String message) {
        super(message);
        this.setting = setting;
    }

    public Setting setting() {
        return setting;
    }
}
