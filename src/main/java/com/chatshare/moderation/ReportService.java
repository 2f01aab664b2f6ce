package com.chatshare.moderation;

import com.chatshare.sharing.ShareToken;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Viewer reports of shared chats, open to anyone with the link. Rate-limited per client address
 * and per link (token buckets, in this node's memory) so the form cannot flood the queue.
 */
@Service
public class ReportService {

    public static final int DETAILS_MAX_LENGTH = 2_000;
    static final int PER_ADDRESS = 5;
    static final int PER_LINK = 30;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(WINDOW.multipliedBy(2)).build();

    ReportService(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The title of an active link that can be reported, or empty. */
    @Transactional(readOnly = true)
    public Optional<String> reportableTitle(String token) {
        if (!ShareToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.query("select s.title from share_link s join app_user u on u.id = s.owner_id "
                        + "where s.token = ? and s.status = 'ACTIVE' and u.enabled",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), token);
    }

    /**
     * Files a report.
     *
     * @throws ReportRateLimitedException when this address or this link sent too many lately
     * @throws IllegalArgumentException for an unknown link or details over the limit
     */
    @Transactional
    public long file(String token, ReportReason reason, String details, String clientAddress) {
        String text = details == null ? "" : details.strip();
        if (text.length() > DETAILS_MAX_LENGTH) {
            throw new IllegalArgumentException("Details can have at most " + DETAILS_MAX_LENGTH + " characters.");
        }
        Long shareId = ShareToken.isWellFormed(token) ? jdbc.query(
                "select id from share_link where token = ? and status = 'ACTIVE'",
                rs -> rs.next() ? rs.getLong(1) : null, token) : null;
        if (shareId == null) {
            throw new IllegalArgumentException("This shared chat is not available.");
        }
        if (!take("address:" + clientAddress, PER_ADDRESS) || !take("link:" + shareId, PER_LINK)) {
            throw new ReportRateLimitedException();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into abuse_report (share_link_id, reason, details, "
                    + "status, created_at) values (?, ?, ?, 'OPEN', ?)", new String[] {"id"});
            statement.setLong(1, shareId);
            statement.setString(2, reason.name());
            statement.setString(3, text.isEmpty() ? null : text);
            statement.setTimestamp(4, Timestamp.from(clock.instant()));
            return statement;
        }, key);
        long reportId = key.getKey().longValue();
        jdbc.update("update share_link set open_reports = open_reports + 1, last_report_at = ? where id = ?",
                Timestamp.from(clock.instant()), shareId);
        events.publishEvent(new ModerationEvents.ReportFiled(reportId, shareId, reason));
        return reportId;
    }

    private boolean take(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
                .build()).tryConsume(1);
    }
}
