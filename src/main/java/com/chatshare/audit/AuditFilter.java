package com.chatshare.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the audit log view shows. Blank or null parts match everything.
 *
 * @param from first day, inclusive (UTC)
 * @param to last day, inclusive (UTC)
 */
public record AuditFilter(@Nullable AuditAction action, @Nullable String actor, @Nullable String target,
        @Nullable LocalDate from, @Nullable LocalDate to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null);
    }

    public AuditFilter withAction(AuditAction action) {
        return new AuditFilter(action, actor, target, from, to);
    }

    public AuditFilter withActor(String actor) {
        return new AuditFilter(action, actor, target, from, to);
    }

    public AuditFilter withTarget(String target) {
        return new AuditFilter(action, actor, target, from, to);
    }

    public AuditFilter withDates(LocalDate from, LocalDate to) {
        return new AuditFilter(action, actor, target, from, to);
    }
}
