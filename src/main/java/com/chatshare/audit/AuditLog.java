package com.chatshare.audit;

import com.chatshare.security.CurrentUser;
import java.io.IOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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

    private static final RowMapper<AuditEntry> ROW = (rs, n) -> new AuditEntry(rs.getLong("id"),
            rs.getTimestamp("at").toInstant(), rs.getString("actor"), AuditAction.valueOf(rs.getString("action")),
            rs.getString("target"), rs.getString("details"));

    /** The actor of entries written by the application itself; no username can be this (it has brackets). */
    public static final String SYSTEM_ACTOR = "[system]";

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Records an action of the current user (or "anonymous") in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String target, String details) {
        insert(currentUser.get().map(user -> user.getUsername()).orElse("anonymous"), action, target, details);
    }

    /** Records an action of the application itself (a scheduled job), as actor "system". */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordBySystem(AuditAction action, String target, String details) {
        insert(SYSTEM_ACTOR, action, target, details);
    }

    private void insert(String actor, AuditAction action, String target, String details) {
        jdbc.update("insert into audit_entry (at, actor, action, target, details) values (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), actor, action.name(), target,
                details == null ? null : details.substring(0, Math.min(details.length(), 2000)));
    }

    /** Newest first, one page at a time. */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select id, at, actor, action, target, details from audit_entry" + where
                + " order by at desc, id desc limit ? offset ?", ROW, args.toArray());
    }

    /**
     * Writes the filtered log as CSV. Cells that a spreadsheet would run as a formula (starting
     * with =, +, -, @, tab or carriage return) are prefixed with an apostrophe.
     */
    @PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public void exportCsv(AuditFilter filter, Writer out) throws IOException {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("at", "actor", "action", "target", "details").get())) {
            jdbc.query("select id, at, actor, action, target, details from audit_entry" + where
                    + " order by at desc, id desc", rs -> {
                        AuditEntry entry = ROW.mapRow(rs, 0);
                        try {
                            csv.printRecord(entry.at().atOffset(ZoneOffset.UTC).toString(), safe(entry.actor()),
                                    entry.action().name(), safe(entry.target()), safe(entry.details()));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, args.toArray());
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

    private static String where(AuditFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.action() != null) {
            where.append(" and action = ?");
            args.add(filter.action().name());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" and actor = ?");
            args.add(filter.actor().strip());
        }
        if (filter.target() != null && !filter.target().isBlank()) {
            where.append(" and target = ?");
            args.add(filter.target().strip());
        }
        if (filter.from() != null) {
            where.append(" and at >= ?");
            args.add(Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and at < ?");
            args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return where.toString();
    }
}
