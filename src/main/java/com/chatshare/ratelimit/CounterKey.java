package com.chatshare.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * One counter: a limit's name ({@code scope}, such as "reports by address"), the key it counts
 * (an address, a username, an account id) and the window its hits count for. Only the key's
 * SHA-256 is stored. The same scope and key always need the same window.
 */
public record CounterKey(String scope, String key, Duration window) {

    public static final int SCOPE_MAX_LENGTH = 40;

    /** The order in which counters are locked, the same on every node, so two requests never wait for each other in a circle. */
    static final Comparator<CounterKey> LOCK_ORDER = Comparator.comparing(CounterKey::scope)
            .thenComparing(CounterKey::keyHash, Arrays::compareUnsigned);

    public CounterKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(window, "window");
        if (scope.isEmpty() || scope.length() > SCOPE_MAX_LENGTH || !scope.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("scope must be 1 to " + SCOPE_MAX_LENGTH + " printable ASCII characters");
        }
        if (window.toMillis() < WindowCounter.SLICES) {
            throw new IllegalArgumentException("window must be at least " + WindowCounter.SLICES + " ms");
        }
    }

    /** SHA-256 of the key's UTF-8 bytes: what the table stores instead of the key. */
    public byte[] keyHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Without the key, which may be a username or an address: keys stay out of logs. */
    @Override
    public String toString() {
        return "CounterKey[" + scope + ", " + window + "]";
    }

    long sliceMillis() {
        return window.toMillis() / WindowCounter.SLICES;
    }
}
