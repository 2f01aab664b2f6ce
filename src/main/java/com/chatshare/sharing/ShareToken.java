package com.chatshare.sharing;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The secret part of a share URL: 128 random bits from {@link SecureRandom}, base64url without
 * padding (22 characters). It is independent of every id, so links cannot be guessed or walked.
 * The token format and the link's path are known here and nowhere else.
 *
 * @param value the 22 characters; a {@code ShareToken} is always well-formed
 */
public record ShareToken(String value) {

    public static final int LENGTH = 22;
    /** Where share pages live: {@code PATH_PREFIX + token}. */
    public static final String PATH_PREFIX = "/share/";
    /** After {@code /share/TOKEN}: the signed-in page, where links for a restricted audience are read. */
    public static final String VIEW_SUFFIX = "/view";
    private static final SecureRandom RANDOM = new SecureRandom();

    public ShareToken {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("Not a share token");
        }
    }

    public static ShareToken generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new ShareToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token, if the text is exactly one. */
    public static Optional<ShareToken> parse(@Nullable String text) {
        return isWellFormed(text) ? Optional.of(new ShareToken(text)) : Optional.empty();
    }

    /**
     * The token in what someone pasted: a bare token, a share path, or a whole share URL (with a
     * query, fragment or trailing {@code /continue} or {@code /report} after it).
     */
    public static Optional<ShareToken> find(@Nullable String pasted) {
        if (pasted == null) {
            return Optional.empty();
        }
        String text = pasted.strip();
        int at = text.lastIndexOf(PATH_PREFIX);
        if (at >= 0) {
            String rest = text.substring(at + PATH_PREFIX.length());
            return parse(rest.length() > LENGTH && "/?#".indexOf(rest.charAt(LENGTH)) >= 0
                    ? rest.substring(0, LENGTH) : rest);
        }
        return parse(text);
    }

    /** Whether a string could be a token at all; anything else is answered 404 without a query. */
    public static boolean isWellFormed(@Nullable String token) {
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

    /** The share page's path of a token as stored. */
    public static String pathOf(String token) {
        return PATH_PREFIX + token;
    }

    /**
     * Where a link with this audience is read: the public page for {@link ShareAudience#ANYONE},
     * the signed-in page ({@code /share/TOKEN/view}) for the others.
     */
    public static String pathOf(String token, ShareAudience audience) {
        return audience == ShareAudience.ANYONE ? pathOf(token) : pathOf(token) + VIEW_SUFFIX;
    }

    /** The share page's path, {@code /share/TOKEN}. */
    public String path() {
        return pathOf(value);
    }

    @Override
    public String toString() {
        // Tokens are secrets: never printed whole in logs.
        return "ShareToken[" + value.substring(0, 4) + "…]";
    }
}
