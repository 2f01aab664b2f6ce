package com.chatshare.disclosure.internal;

import java.util.Locale;

/**
 * How findings are shown: enough to recognise which key or address it is, never enough to use it.
 * Also the tests for "this is a placeholder, not a secret", shared by the rules.
 */
final class Masks {

    static final String HIDDEN = "•••";
    /** Below this length a secret shows none of its characters. */
    static final int SHOW_TAIL_FROM_LENGTH = 20;
    static final int TAIL = 3;

    private Masks() {
    }

    /**
     * A token as its public prefix (which only names the provider), an ellipsis, and the last three
     * characters when the secret part is long enough that they give nothing away.
     */
    static String token(String prefix, String secret) {
        return prefix + "…" + tail(secret);
    }

    static String tail(String secret) {
        return secret.length() >= SHOW_TAIL_FROM_LENGTH ? secret.substring(secret.length() - TAIL) : "";
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double bits = 0;
        for (int count : counts) {
            bits += term(count, s.length());
        }
        return bits + term(other, s.length());
    }

    private static double term(int count, int length) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / length;
        return -p * Math.log(p) / Math.log(2);
    }

    /**
     * Whether the random-looking part of a token is a stand-in, as documentation and tutorials
     * write them: {@code AKIAIOSFODNN7EXAMPLE}, {@code ghp_xxxxxxxx…}, {@code sk-…1234567890…}, or
     * too repetitive to have come from a random generator.
     */
    static boolean isPlaceholderToken(String secret) {
        String lower = secret.toLowerCase(Locale.ROOT);
        if (lower.contains("example") || lower.contains("xxxx") || lower.contains("placeholder")
                || lower.contains("redacted") || lower.contains("your") || lower.contains("0000")
                || lower.contains("123456") || lower.contains("abcdef") || lower.contains("…")) {
            return true;
        }
        double minimum = secret.length() < SHOW_TAIL_FROM_LENGTH ? 2.5 : 3.0;
        return entropy(secret) < minimum;
    }

    /**
     * Whether a password value is a reference or a stand-in rather than a password: a variable or
     * template ({@code ${DB_PASSWORD}}, {@code %s}, {@code {{ pw }}}, {@code <password>}), a YAML
     * tag or alias, stars or dots, or a word like {@code password}, {@code secret} or
     * {@code changeme}.
     */
    static boolean isPlaceholderPassword(String value) {
        if (value.isEmpty() || "$%{<[!*&#".indexOf(value.charAt(0)) >= 0) {
            return true;
        }
        if (value.chars().distinct().count() == 1 || value.contains("•") || value.contains("…")) {
            return true;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.contains("example") || lower.contains("placeholder") || lower.contains("redacted")) {
            return true;
        }
        if (lower.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == '_' || c == '-' || c == '.')) {
            for (String word : PLACEHOLDER_WORDS) {
                if (lower.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String[] PLACEHOLDER_WORDS = {
        "pass", "pwd", "secret", "changeme", "change_me", "change-me", "dummy", "hidden"
    };
}
