package com.chatshare.accounts;

import com.chatshare.security.Usernames;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a person types to create an account. The rule checks are static so the registration
 * form shows the same messages the service enforces.
 */
public record Registration(String username, String displayName, String password) {

    /** The fields of the form, for messages that belong to one of them. */
    public enum Field { USERNAME, DISPLAY_NAME, PASSWORD }

    public static Optional<String> usernameProblem(String username) {
        String value = username == null ? "" : username.strip();
        if (value.isEmpty()) {
            return Optional.of("Enter a username.");
        }
        if (value.length() < Account.USERNAME_MIN_LENGTH || value.length() > Account.USERNAME_MAX_LENGTH) {
            return Optional.of("Username must be " + Account.USERNAME_MIN_LENGTH + "–"
                    + Account.USERNAME_MAX_LENGTH + " characters long.");
        }
        if (!Account.USERNAME_PATTERN.matcher(value).matches()) {
            return Optional.of("Username may only contain lowercase letters a–z, digits 0–9, and . _ -");
        }
        return Optional.empty();
    }

    public static Optional<String> displayNameProblem(String displayName) {
        String value = displayName == null ? "" : displayName.strip();
        if (value.isEmpty()) {
            return Optional.of("Enter a display name.");
        }
        if (value.codePointCount(0, value.length()) > Account.DISPLAY_NAME_MAX_LENGTH) {
            return Optional.of("Display name must be at most " + Account.DISPLAY_NAME_MAX_LENGTH + " characters.");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("Display name cannot contain control characters.");
        }
        return Optional.empty();
    }

    public static Optional<String> passwordProblem(String password) {
        String value = password == null ? "" : password;
        if (value.length() < Account.PASSWORD_MIN_LENGTH) {
            return Optional.of("Password must be at least " + Account.PASSWORD_MIN_LENGTH + " characters.");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > Account.PASSWORD_MAX_LENGTH) {
            return Optional.of("Password is too long: at most " + Account.PASSWORD_MAX_LENGTH + " bytes.");
        }
        return Optional.empty();
    }

    /** Every broken rule, by field; empty when the registration may go ahead. */
    public Map<Field, String> problems() {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        usernameProblem(username).ifPresent(m -> problems.put(Field.USERNAME, m));
        displayNameProblem(displayName).ifPresent(m -> problems.put(Field.DISPLAY_NAME, m));
        passwordProblem(password).ifPresent(m -> problems.put(Field.PASSWORD, m));
        return problems;
    }

    /**
     * The username as stored: its canonical form ({@link Usernames}), the key sign-in and the
     * login throttle use. A name that passes {@link #usernameProblem} is already canonical.
     */
    public String normalizedUsername() {
        return Usernames.canonical(username);
    }

    public String normalizedDisplayName() {
        return displayName.strip();
    }
}
