package com.chatshare.moderation;

import com.chatshare.moderation.internal.Reports;
import com.chatshare.sharing.ShareModeration;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
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

    private final ShareModeration links;
    private final Reports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(WINDOW.multipliedBy(2)).build();

    ReportService(ShareModeration links, Reports reports, ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /** The title of a link anyone may read and report, or empty. */
    public Optional<String> reportableTitle(String token) {
        return links.reportableTitle(token);
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
        if (links.reportableTitle(token).isEmpty()) {
            throw new IllegalArgumentException("This shared chat is not available.");
        }
        if (!take("address:" + clientAddress, PER_ADDRESS) || !take("link:" + token, PER_LINK)) {
            throw new ReportRateLimitedException();
        }
        long shareId = links.recordReport(token)
                .orElseThrow(() -> new IllegalArgumentException("This shared chat is not available."));
        long reportId = reports.insert(shareId, reason, text.isEmpty() ? null : text, clock.instant());
        events.publishEvent(new ModerationEvents.ReportFiled(reportId, shareId, reason));
        return reportId;
    }

    private boolean take(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
                .build()).tryConsume(1);
    }
}
