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
        return MarkdownRenderer.withoutBidiControls(displayName).strip();
    }

    /** Words a display name may not use on a self-registered account: they would pass for staff. */
    static final java.util.Set<String> RESERVED_WORDS = java.util.Set.of("admin", "administrator", "moderator",
            "moderation", "mod", "mods", "staff", "support", "system", "chatshare", "official");

    /**
     * Staff words that may not appear anywhere in a name's {@linkplain #skeleton skeleton}, even
     * inside another word or with the spaces taken out ("Site Admins", "ModeratorTeam", "Mod Team").
     * "mod" alone is only refused as a word ({@link #RESERVED_WORDS}): as a part it is in too many
     * names (Modest, Commodore).
     */
    static final java.util.List<String> RESERVED_PARTS = java.util.List.of("admin", "moderator", "moderation",
            "modteam", "staff", "support", "chatshare", "official", "sysop");

    /**
     * Letters of other scripts, and digits and signs, that look like a Latin letter in common
     * fonts: the part of Unicode TR39's confusables a staff word can be spelled with; read after
     * lowercasing, so most capitals are covered too ("А" → "а" → "a").
     */
    private static final java.util.Map<Character, Character> LOOKALIKES = lookalikes(
            // Cyrillic
            "аa", "вb", "сc", "ԁd", "еe", "ёe", "һh", "нh", "іi", "їi", "јj", "кk", "мm", "пn", "оo", "рp", "ԛq",
            "гr", "ѕs", "тt", "иu", "ѵv", "ԝw", "хx", "уy", "үy", "ӏl",
            // Greek
            "αa", "βb", "εe", "ηn", "ιi", "κk", "μu", "νv", "οo", "ρp", "τt", "υu", "χx", "γy", "ωw",
            // digits and signs
            "0o", "1l", "3e", "4a", "5s", "7t", "8b", "@a", "$s", "|l", "!l");

    /** Capitals whose lowercase looks like another Latin letter than they do (Greek "Μ" is "M", its "μ" a "u"). */
    private static final java.util.Map<Character, Character> CAPITAL_LOOKALIKES = lookalikes(
            "ΑA", "ΒB", "ΕE", "ΖZ", "ΗH", "ΙI", "ΚK", "ΜM", "ΝN", "ΟO", "ΡP", "ΤT", "ΥY", "ΧX",
            "АA", "ВB", "ЕE", "ЅS", "ІI", "ЈJ", "КK", "МM", "НH", "ОO", "РP", "СC", "ТT", "ХX");

    private static java.util.Map<Character, Character> lookalikes(String... pairs) {
        java.util.Map<Character, Character> map = new java.util.HashMap<>();
        for (String pair : pairs) {
            map.put(pair.charAt(0), pair.charAt(1));
        }
        return java.util.Map.copyOf(map);
    }

    /**
     * Why a self-registered display name would pass for a role ("Admin", "Ｍｏｄｅｒａｔｏｒ",
     * "Chatshare Support", "Аdmin" with a Cyrillic А, "Site Admins", "ModeratorTeam"), or empty.
     * Compared twice: by words, with accents and widths folded; and by the name's confusable
     * skeleton, in which the staff words ({@link #RESERVED_PARTS}) may not appear at all.
     *
     * <p>Known and accepted: a part matches inside ordinary words too, so "Badminton fan",
     * "Staffordshire" and "Arsenal supporter" are refused (the message asks for another name);
     * passing for staff is worth more to an impersonator than those names are to anyone else.
     * "Admiral Ackbar" is allowed: "admiral" does not contain "admin".
     */
    public static Optional<String> impersonationProblem(String displayName) {
        String folded = java.text.Normalizer.normalize(MarkdownRenderer.withoutBidiControls(displayName),
                java.text.Normalizer.Form.NFKD).replaceAll("[\\p{M}\\p{Cf}]+", "").toLowerCase(java.util.Locale.ROOT);
        boolean reservedWord = java.util.Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).anyMatch(RESERVED_WORDS::contains);
        String skeleton = skeleton(displayName);
        boolean reservedPart = RESERVED_PARTS.stream().map(Registration::skeleton).anyMatch(skeleton::contains);
        if (reservedWord || reservedPart) {
            return Optional.of("Choose another display name: names that look like a role (Admin, Moderator, "
                    + "Support) are kept for the people who have it.");
        }
        return Optional.empty();
    }

    /**
     * What a text looks like, after the idea of Unicode TR39's skeleton: compatibility forms
     * folded (NFKC, so full-width letters are Latin), accents and invisible characters dropped,
     * lowercased, lookalike letters, digits and signs read as the Latin letter they pass for
     * ({@link #LOOKALIKES}; "i" and "l" as one, since "I" and "l" look the same; "rn" as "m"),
     * and everything but letters and digits removed. Two texts that look alike have one skeleton.
     */
    static String skeleton(String text) {
        String compatible = java.text.Normalizer.normalize(MarkdownRenderer.withoutBidiControls(text), java.text.Normalizer.Form.NFKC);
        String unaccented = java.text.Normalizer.normalize(compatible, java.text.Normalizer.Form.NFKD)
                .replaceAll("[\\p{M}\\p{Cf}]+", "");
        StringBuilder latinCapitals = new StringBuilder(unaccented.length());
        for (int i = 0; i < unaccented.length(); i++) {
            latinCapitals.append(CAPITAL_LOOKALIKES.getOrDefault(unaccented.charAt(i), unaccented.charAt(i)));
        }
        String bare = latinCapitals.toString().toLowerCase(java.util.Locale.ROOT);
        StringBuilder skeleton = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = LOOKALIKES.getOrDefault(bare.charAt(i), bare.charAt(i));
            if (c == 'i') {
                c = 'l';
            }
            if (Character.isLetterOrDigit(c)) {
                skeleton.append(c);
            }
        }
        return skeleton.toString().replace("rn", "m");
    }
}
