package com.chatshare.sharing;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret part of a share URL: 128 random bits from {@link SecureRandom}, base64url without
 * padding (22 characters). It is independent of every id, so links cannot be guessed or walked.
 */
public final class ShareToken {

    public static final int LENGTH = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShareToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a string could be a token at all; anything else is answered 404 without a query. */
    public static boolean isWellFormed(String token) {
        // A loop, not a regular expression: every request to the public page asks this.
        if (token == null || token.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = token.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }
}
