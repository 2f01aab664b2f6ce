package com.chatshare.sharingpolicy;

/** A sharing policy that cannot be saved as asked; says which field it is about, so the form can mark it. */
public class SharingPolicyException extends RuntimeException {

    /** The field the message is about; {@link #FORM} for the policy as a whole. */
    public enum Field { DEFAULT_AUDIENCE, FORM }

    private final Field field;

    public SharingPolicyException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
