package com.chatshare.moderation;

import com.chatshare.ratelimit.RateLimit;
import com.chatshare.ratelimit.SharedCounters;
import com.chatshare.moderation.internal.Reports;
import com.chatshare.security.ClientAddress;
import com.chatshare.sharing.ShareModeration;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Viewer reports of shared chats, open to anyone with the link. Rate-limited per client address
 * (an IPv6 address by its /64 network) and per link, counted by every node together
 * ({@link SharedCounters}), so the form cannot flood the queue.
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
    private final RateLimit perAddress;
    private final RateLimit perLink;

    ReportService(ShareModeration links, Reports reports, ApplicationEventPublisher events, Clock clock,
            SharedCounters counters) {
        this.perAddress = counters.limit("reports by address", PER_ADDRESS, WINDOW);
        this.perLink = counters.limit("reports by link", PER_LINK, WINDOW);
        this.links = links;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /** The title of a link anyone may read and report, or empty. */
    public Optional<String> reportableTitle(String token) {
        return links.reportableTitle(token);
    }

    /** The title of a link the signed-in caller may open, whatever its audience, or empty. */
    public Optional<String> readerReportableTitle(String token) {
        return links.readerReportableTitle(token);
    }

    /**
     * Files a report from the public report form.
     *
     * @param clientAddress the reporter's address ({@link ClientAddress#of}); reports without one
     *        share one allowance, so a missing address gets no fresh ones
     * @throws ReportRateLimitedException when this address or this link sent too many lately
     * @throws IllegalArgumentException for an unknown link or details over the limit
     */
    @Transactional
    public long file(String token, ReportReason reason, String details, InetAddress clientAddress) {
        return file(token, reason, details, clientAddress, links::reportableTitle, links::recordReport);
    }

    /**
     * Files a signed-in reader's report of a link they may open, whatever its audience: how a link
     * for specific people reaches the moderators (docs/decisions/0012-audience-and-expiry.md).
     *
     * @throws ReportRateLimitedException when this address or this link sent too many lately
     * @throws IllegalArgumentException for a link the caller may not open or details over the limit
     */
    @Transactional
    public long fileAsReader(String token, ReportReason reason, String details, InetAddress clientAddress) {
        return file(token, reason, details, clientAddress, links::readerReportableTitle, links::recordReaderReport);
    }

    private long file(String token, ReportReason reason, String details, InetAddress clientAddress,
            Function<String, Optional<String>> reportableTitle, Function<String, Optional<Long>> recordReport) {
        String text = details == null ? "" : details.strip();
        if (text.length() > DETAILS_MAX_LENGTH) {
            throw new IllegalArgumentException("Details can have at most " + DETAILS_MAX_LENGTH + " characters.");
        }
        if (reportableTitle.apply(token).isEmpty()) {
            throw new IllegalArgumentException("This shared chat is not available.");
        }
        // Counted in this transaction: when the link's limit refuses, the address's hit rolls back with it.
        if (!perAddress.tryAcquire(addressKey(clientAddress))
                || !perLink.tryAcquire(token)) {
            throw new ReportRateLimitedException();
        }
        long shareId = recordReport.apply(token)
                .orElseThrow(() -> new IllegalArgumentException("This shared chat is not available."));
        long reportId = reports.insert(shareId, reason, text.isEmpty() ? null : text, clock.instant());
        events.publishEvent(new ModerationEvents.ReportFiled(reportId, shareId, reason));
        return reportId;
    }

    private static String addressKey(InetAddress clientAddress) {
        return clientAddress == null ? "unknown" : ClientAddress.rateLimitKey(clientAddress);
    }
}
