package com.chatshare.accounts;

import java.util.EnumMap;
import java.util.Map;

/** A password change that was refused; one message per field, meant for the person. Nothing changed. */
public class PasswordChangeException extends RuntimeException {

    /** The fields of the change-password form that a message can belong to. */
    public enum Field { CURRENT_PASSWORD, NEW_PASSWORD }

    public static final String WRONG_CURRENT_PASSWORD = "Your current password is not right. Nothing was changed.";
    public static final String SAME_AS_CURRENT = "Choose a new password that differs from your current one.";

    private final transient Map<Field, String> problems;

    public PasswordChangeException(Map<Field, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(new EnumMap<>(problems));
    }

    public Map<Field, String> problems() {
        return problems;
    }
}
