package com.chatshare.security;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling of a username that sign-in, the login throttle and registration agree on.
 *
 * <p>Whatever someone types at sign-in is mapped to its canonical form, and only that form is
 * looked up, compared byte for byte (V11 gives {@code app_user.username} a binary collation). So
 * {@code BOB}, {@code bób} and fullwidth {@code ｂｏｂ} all sign in to {@code bob} — and all count
 * against {@code bob}'s failures. Registration accepts only names that are already canonical.
 */
public final class Usernames {

    /** Longer input cannot be a username; it is not normalised at all (bounds the work). */
    public static final int MAX_INPUT_LENGTH = 256;

    /** The canonical form of every over-long input: one throttle key, never an account. */
    static final String TOO_LONG = "\u0000too-long";

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private Usernames() {
    }

    /**
     * The canonical form of a typed username: compatibility forms folded (fullwidth letters,
     * ligatures), accents dropped, lower case, surrounding white space removed. Deterministic,
     * and canonical forms are their own canonical form.
     */
    public static String canonical(String typed) {
        if (typed == null) {
            return "";
        }
        if (typed.length() > MAX_INPUT_LENGTH) {
            return TOO_LONG;
        }
        String folded = Normalizer.normalize(typed, Normalizer.Form.NFKD);
        String withoutMarks = COMBINING_MARKS.matcher(folded).replaceAll("");
        String lower = withoutMarks.toLowerCase(Locale.ROOT);
        // Lower-casing can bring back decomposable characters (rare); NFKC makes the result stable.
        return Normalizer.normalize(lower, Normalizer.Form.NFKC).strip();
    }
}
