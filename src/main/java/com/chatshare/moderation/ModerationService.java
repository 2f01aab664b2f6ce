package com.chatshare.moderation;

import com.chatshare.audit.AuditFilter;
import com.chatshare.audit.AuditLog;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareTakedowns;
import com.chatshare.sharing.TitleSearch;
import com.chatshare.sharing.SnapshotMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderators' work: a queue of public snapshots with their reports, take down and reinstate
 * with a reason, dismiss reports. Every action leaves an audit entry in its own transaction.
 */
@Service
@PreAuthorize("hasAnyRole('MODERATOR', 'ADMIN')")
public class ModerationService {

    public static final int NOTE_MAX_LENGTH = 1_000;
    private static final Pattern TOKEN_IN_URL = Pattern.compile("(?:/share/)?([A-Za-z0-9_-]{22})(?:[/?#].*)?$");

    /**
     * The queue's columns from one table; the owner's name is looked up for the rows returned
     * only: a join here lets the optimizer start from the users and sort a million links.
     */
    private static final String COLUMNS = """
            s.id, s.token, s.title, (select u.username from app_user u where u.id = s.owner_id) as username,
            s.status, s.created_at, s.view_count, s.open_reports, s.last_report_at""";

    private static final RowMapper<ModerationRow> ROW = (rs, n) -> new ModerationRow(rs.getLong("id"),
            "/share/" + rs.getString("token"), rs.getString("title"), rs.getString("username"),
            ShareStatus.valueOf(rs.getString("status")), rs.getInt("open_reports"),
            rs.getTimestamp("last_report_at") == null ? null : rs.getTimestamp("last_report_at").toInstant(),
            rs.getTimestamp("created_at").toInstant(), rs.getLong("view_count"));

    private final JdbcTemplate jdbc;
    private final ShareTakedowns takedowns;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModerationService(JdbcTemplate jdbc, ShareTakedowns takedowns, AuditLog auditLog,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.takedowns = takedowns;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ModerationRow> findQueue(ModerationFilter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("where 1 = 1");
        if (filter.status() != null) {
            where.append(" and s.status = ?");
            args.add(filter.status().name());
        }
        if (filter.withOpenReports()) {
            where.append(" and s.open_reports > 0");
        }
        Optional<String> token = token(filter.search());
        if (token.isPresent()) {
            where.append(" and s.token = ?");
            args.add(token.get());
        }
        if (filter.owner() != null && !filter.owner().isBlank()) {
            where.append(" and s.owner_id = (select o.id from app_user o where o.username = ?)");
            args.add(filter.owner().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.sharedFrom() != null) {
            where.append(" and s.created_at >= ?");
            args.add(Timestamp.from(filter.sharedFrom().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        }
        if (filter.sharedTo() != null) {
            where.append(" and s.created_at < ?");
            args.add(Timestamp.from(filter.sharedTo().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        }
        String order = switch (filter.sort()) {
            case OPEN_REPORTS -> "s.open_reports desc, s.last_report_at desc";
            case LAST_REPORT -> "s.last_report_at desc";
            case CREATED -> "s.created_at desc";
            case VIEWS -> "s.view_count desc";
        };
        return TitleSearch.of(token.isPresent() ? null : filter.search())
                .find(jdbc, COLUMNS, where.toString(), args, order + ", s.id desc", offset, limit, ROW);
    }

    @Transactional(readOnly = true)
    public Optional<ModerationDetail> detail(long shareId) {
        List<ModerationRow> rows = jdbc.query("select " + COLUMNS + " from share_link s where s.id = ?", ROW, shareId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ModerationRow row = rows.getFirst();
        var link = jdbc.queryForMap("select visibility, shared_by_name, takedown_reason from share_link where id = ?",
                shareId);
        String attribution = "NAMED".equals(link.get("visibility"))
                ? "Shared by " + link.get("shared_by_name") : "Shared anonymously";
        List<SnapshotMessage> messages = takedowns.snapshot(shareId);
        List<ModerationDetail.Report> reports = jdbc.query("select id, reason, details, status, created_at "
                        + "from abuse_report where share_link_id = ? order by created_at desc",
                (rs, n) -> new ModerationDetail.Report(rs.getLong(1), ReportReason.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()), shareId);
        return Optional.of(new ModerationDetail(row, attribution, (String) link.get("takedown_reason"),
                messages, reports,
                auditLog.find(AuditFilter.all().withTarget("share:" + shareId), 0, 100)));
    }

    /** Takes links down with one reason: 410 from the next request on, reports marked actioned. */
    @Transactional
    public int takeDown(Collection<Long> shareIds, ReportReason reason, String note) {
        String cleanNote = requiredNote(note);
        int count = 0;
        for (long shareId : shareIds) {
            if (takedowns.takeDown(shareId, reason.label())) {
                jdbc.update("update abuse_report set status = 'ACTIONED', resolved_at = ? "
                        + "where share_link_id = ? and status = 'OPEN'", Timestamp.from(clock.instant()), shareId);
                jdbc.update("update share_link set open_reports = 0 where id = ?", shareId);
                events.publishEvent(new ModerationEvents.LinkTakenDown(shareId, reason, cleanNote));
                count++;
            }
        }
        return count;
    }

    @Transactional
    public boolean reinstate(long shareId, String note) {
        String cleanNote = requiredNote(note);
        boolean done = takedowns.reinstate(shareId);
        if (done) {
            events.publishEvent(new ModerationEvents.LinkReinstated(shareId, cleanNote));
        }
        return done;
    }

    @Transactional
    public int dismissReports(long shareId, String note) {
        int count = jdbc.update("update abuse_report set status = 'DISMISSED', resolved_at = ? "
                + "where share_link_id = ? and status = 'OPEN'", Timestamp.from(clock.instant()), shareId);
        jdbc.update("update share_link set open_reports = 0 where id = ?", shareId);
        events.publishEvent(new ModerationEvents.ReportsDismissed(shareId, count, note == null ? "" : note.strip()));
        return count;
    }

    private static String requiredNote(String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Write a note: it goes into the audit log.");
        }
        if (text.length() > NOTE_MAX_LENGTH) {
            throw new IllegalArgumentException("A note can have at most " + NOTE_MAX_LENGTH + " characters.");
        }
        return text;
    }

    static Optional<String> token(String search) {
        if (search == null) {
            return Optional.empty();
        }
        Matcher matcher = TOKEN_IN_URL.matcher(search.strip());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
