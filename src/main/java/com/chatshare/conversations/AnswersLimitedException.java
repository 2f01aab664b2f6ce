package com.chatshare.conversations;

import java.time.Duration;

/**
 * The account asked for as many answers as the assistant's limit allows in a minute: nothing was
 * asked of the assistant, the question is stored, and {@link #retryAfter()} says when it may be
 * asked again.
 */
public class AnswersLimitedException extends AssistantUnavailableException {

    private final Duration retryAfter;

    public AnswersLimitedException(int limit, Duration retryAfter) {
        super(message(limit, retryAfter), null);
        this.retryAfter = retryAfter;
    }

    /** At least a second: the wait shown and counted down. */
    public Duration retryAfter() {
        return retryAfter;
    }

    static String message(int limit, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return "You asked for " + limit + " answers in the last minute, the most this assistant allows. "
                + "Your question is saved; it can be answered in " + seconds + (seconds == 1 ? " second." : " seconds.");
    }
}
