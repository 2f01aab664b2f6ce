package com.chatshare.moderation;

import java.time.Instant;

/**
 * An owner's request that moderators look at a takedown again, and its decision.
 *
 * @param takedownAt which takedown it asks about: one request per takedown
 */
public record ReviewRequest(long id, long shareId, Instant takedownAt, long requesterId, String explanation,
        Status status, Instant createdAt, Instant decidedAt, Long decidedBy, String decisionNote) {

    public static final int EXPLANATION_MAX_LENGTH = 1_000;

    /** OPEN until decided; CLOSED when the link was reinstated without a decision on the request. */
    public enum Status { OPEN, UPHELD, REINSTATED, CLOSED }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
