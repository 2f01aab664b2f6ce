package com.chatshare.conversations;

import java.time.Duration;

/**
 * The account asked for as many answers as the assistant's limit allows in a minute: nothing was
 * asked of the assistant, the question is stored, and {@link #retryAfter()} says when it may be
 * asked again.
 */
public class AnswersLimitedException extends AssistantUnavailableException {

    private final int limit;
    private final Duration retryAfter;

    public AnswersLimitedException(int limit, Duration retryAfter) {
        super(message(limit, retryAfter), null);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /**
     * What happened, without the wait: for a view that counts the wait down beside it, where a
     * fixed number of seconds in the sentence would soon be wrong.
     */
    public String withoutWait() {
        return limitReached(limit) + "Your question is saved.";
    }

    /** At least a second: the wait shown and counted down. */
    public Duration retryAfter() {
        return retryAfter;
    }

    static String message(int limit, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return limitReached(limit) + "Your question is saved; it can be answered in " + seconds
                + (seconds == 1 ? " second." : " seconds.");
    }

    private static String limitReached(int limit) {
        return "You asked for " + limit + (limit == 1 ? " answer" : " answers")
                + " in the last minute, the most this assistant allows. ";
    }
}
