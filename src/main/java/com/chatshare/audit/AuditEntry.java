package com.chatshare.audit;

import java.time.Instant;

/** One line of the audit log: who did what to which target, when. Never message content. */
public record AuditEntry(long id, Instant at, String actor, AuditAction action, String target, String details) {
}
