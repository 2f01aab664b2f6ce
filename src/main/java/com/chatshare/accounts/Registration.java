package com.chatshare.accounts;

import com.chatshare.base.markdown.MarkdownRenderer;
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

    /** Bidi overrides removed, as every view and the public page show names. */
    public String normalizedDisplayName() {
        return MarkdownRenderer.plainText(displayName).strip();
    }

    /** Words a display name may not use on a self-registered account: they would pass for staff. */
    static final java.util.Set<String> RESERVED_WORDS = java.util.Set.of("admin", "administrator", "moderator",
            "moderation", "mod", "staff", "support", "system", "chatshare", "official");

    /**
     * Why a self-registered display name would pass for a role ("Admin", "Ｍｏｄｅｒａｔｏｒ",
     * "Chatshare Support"), or empty. Compared by words, with accents and widths folded.
     */
    public static Optional<String> impersonationProblem(String displayName) {
        String folded = java.text.Normalizer.normalize(MarkdownRenderer.plainText(displayName),
                java.text.Normalizer.Form.NFKD).replaceAll("[\\p{M}\\p{Cf}]+", "").toLowerCase(java.util.Locale.ROOT);
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (RESERVED_WORDS.contains(word)) {
                return Optional.of("Choose another display name: names that look like a role (Admin, Moderator, "
                        + "Support) are kept for the people who have it.");
            }
        }
        return Optional.empty();
    }
}
