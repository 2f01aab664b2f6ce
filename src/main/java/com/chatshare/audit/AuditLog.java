package com.chatshare.audit;

import com.chatshare.audit.internal.AuditEntries;
import com.chatshare.security.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log. Entries are written in the transaction of the action they record,
 * so an action that committed has its entry; there is no method to change or remove one, and the
 * database refuses updates and deletes as well.
 */
@Service
public class AuditLog {

    /** The actor of entries written by the application itself; no username can be this (it has brackets). */
    public static final String SYSTEM_ACTOR = "[system]";

    private final AuditEntries entries;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditLog(AuditEntries entries, CurrentUser currentUser, Clock clock) {
        this.entries = entries;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Records an action of the current user (or "anonymous") in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String target, String details) {
        insert(currentUser.get().map(user -> user.getUsername()).orElse("anonymous"), action, target, details);
    }

    /** Records an action of the application itself (a scheduled job), as actor {@link #SYSTEM_ACTOR}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordBySystem(AuditAction action, String target, String details) {
        insert(SYSTEM_ACTOR, action, target, details);
    }

    private void insert(String actor, AuditAction action, String target, String details) {
        entries.append(clock.instant(), actor, action, target,
                details == null ? null : details.substring(0, Math.min(details.length(), 2000)));
    }

    /** Newest first, one page at a time. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        return entries.find(filter, offset, limit);
    }

    /**
     * Writes the filtered log as CSV. Cells that a spreadsheet would run as a formula (starting
     * with =, +, -, @, tab or carriage return) are prefixed with an apostrophe.
     */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public void exportCsv(AuditFilter filter, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("at", "actor", "action", "target", "details").get())) {
            entries.forEach(filter, entry -> {
                try {
                    csv.printRecord(entry.at().atOffset(ZoneOffset.UTC).toString(), safe(entry.actor()),
                            entry.action().name(), safe(entry.target()), safe(entry.details()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
