package com.chatshare.audit.internal;

import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditEntry;
import com.chatshare.audit.AuditFilter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The {@code audit_entry} table: appends entries and reads them back, newest first. Callers go
 * through {@link com.chatshare.audit.AuditLog}, which carries the transaction and security rules.
 */
@Component
public class AuditEntries {

    private static final String COLUMNS = "select id, at, actor, action, target, details from audit_entry";

    private static final RowMapper<AuditEntry> ROW = (rs, n) -> new AuditEntry(rs.getLong("id"),
            rs.getTimestamp("at").toInstant(), rs.getString("actor"), AuditAction.valueOf(rs.getString("action")),
            rs.getString("target"), rs.getString("details"));

    private final JdbcTemplate jdbc;

    AuditEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(Instant at, String actor, AuditAction action, String target, String details) {
        jdbc.update("insert into audit_entry (at, actor, action, target, details) values (?, ?, ?, ?, ?)",
                Timestamp.from(at), actor, action.name(), target, details);
    }

    /** One page of the entries the filter matches, newest first. */
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query(COLUMNS + where + " order by at desc, id desc limit ? offset ?", ROW, args.toArray());
    }

    /** Hands every entry the filter matches to {@code action}, newest first, without holding them all. */
    public void forEach(AuditFilter filter, Consumer<AuditEntry> action) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        jdbc.query(COLUMNS + where + " order by at desc, id desc",
                (RowCallbackHandler) rs -> action.accept(ROW.mapRow(rs, 0)), args.toArray());
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
