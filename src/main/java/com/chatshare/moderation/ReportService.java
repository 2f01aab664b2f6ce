package com.chatshare.moderation;

import com.chatshare.ratelimit.RateLimit;
import com.chatshare.ratelimit.SharedCounters;
import com.chatshare.moderation.internal.Reports;
import com.chatshare.security.ClientAddress;
import com.chatshare.security.CurrentUser;
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
 * Viewer reports of shared chats: the public form for links anyone may read, and signed-in
 * readers' reports of any link they may open. Limits are per reporter, counted by every node
 * together ({@link SharedCounters}), so nobody can flood the queue and no flood silences anyone
 * else (issue 22, item 10):
 * <ul>
 * <li>a reporter is an address (an IPv6 address by its /64) on the public form, and the account
 * on the signed-in form; {@value #PER_REPORTER} reports per address, and per account, per
 * window, across all links;
 * <li>a reporter's further reports of the same link within the window collapse into the first:
 * accepted and answered the same, but neither stored nor counted again, and they use none of the
 * reporter's allowance;
 * <li>one IPv6 site (/48) sends at most {@value #PER_SITE} reports per window, whichever of its
 * /64 networks they come from;
 * <li>a link stores the anonymous reports of at most {@value #PER_LINK} reporters per window, a safety cap
 * on the table only: past it a report is answered the same and not stored (the link has that many
 * in the queue already), never refused, so a flood cannot turn genuine readers away; signed-in
 * readers' reports are always stored.
 * </ul>
 */
@Service
public class ReportService {

    public static final int DETAILS_MAX_LENGTH = 2_000;
    static final int PER_REPORTER = 5;
    static final int PER_LINK = 100;
    /** Reports from one IPv6 site (/48) per window: its 65,536 /64 networks are not 65,536 reporters. */
    static final int PER_SITE = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final ShareModeration links;
    private final Reports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final RateLimit perAddress;
    private final RateLimit perAccount;
    private final RateLimit perReporterAndLink;
    private final RateLimit perLink;
    private final RateLimit perSite;

    ReportService(ShareModeration links, Reports reports, ApplicationEventPublisher events, Clock clock,
            CurrentUser currentUser, SharedCounters counters) {
        this.perAddress = counters.limit("reports by address", PER_REPORTER, WINDOW);
        this.perAccount = counters.limit("reports by account", PER_REPORTER, WINDOW);
        this.perReporterAndLink = counters.limit("reports by reporter and link", 1, WINDOW);
        this.perLink = counters.limit("reports stored by link", PER_LINK, WINDOW);
        this.perSite = counters.limit("reports by site", PER_SITE, WINDOW);
        this.links = links;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
        this.currentUser = currentUser;
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
     * @return the stored report's id; empty when it collapsed into this address's earlier report of
     *         the link, or the link reached its cap (the reporter is answered the same)
     * @throws ReportRateLimitedException when this address sent too many reports lately
     * @throws IllegalArgumentException for an unknown link or details over the limit
     */
    @Transactional
    public Optional<Long> file(String token, ReportReason reason, String details, InetAddress clientAddress) {
        return file(token, reason, details, clientAddress, null, links::reportableTitle, links::recordReport);
    }

    /**
     * Files a signed-in reader's report of a link they may open, whatever its audience: how a link
     * for specific people reaches the moderators (docs/decisions/0012-audience-and-expiry.md). The
     * reporter is the account: its reports of one link collapse whichever address they come from.
     *
     * @return as for {@link #file}
     * @throws ReportRateLimitedException when this account or this address sent too many reports lately
     * @throws IllegalArgumentException for a link the caller may not open or details over the limit
     */
    @Transactional
    public Optional<Long> fileAsReader(String token, ReportReason reason, String details, InetAddress clientAddress) {
        return file(token, reason, details, clientAddress, currentUser.requireUserId(), links::readerReportableTitle,
                links::recordReaderReport);
    }

    private Optional<Long> file(String token, ReportReason reason, String details, InetAddress clientAddress,
            Long accountId, Function<String, Optional<String>> reportableTitle,
            Function<String, Optional<Long>> recordReport) {
        String text = details == null ? "" : details.strip();
        if (text.length() > DETAILS_MAX_LENGTH) {
            throw new IllegalArgumentException("Details can have at most " + DETAILS_MAX_LENGTH + " characters.");
        }
        if (reportableTitle.apply(token).isEmpty()) {
            throw new IllegalArgumentException("This shared chat is not available.");
        }
        // Every hit below is counted in this transaction: when a limit refuses, the others roll back with it.
        String reporter = accountId != null ? "account " + accountId : "address " + addressKey(clientAddress);
        if (!perReporterAndLink.tryAcquire(reporter + " " + token)) {
            return Optional.empty();
        }
        if (!perAddress.tryAcquire(addressKey(clientAddress))
                || !perSite.tryAcquire(clientAddress == null ? "unknown" : ClientAddress.siteKey(clientAddress))
                || (accountId != null && !perAccount.tryAcquire(accountId))) {
            throw new ReportRateLimitedException();
        }
        // The cap is for anonymous reports: a signed-in reader is accountable (and limited per
        // account), so a flood of anonymous ones cannot keep a reader's report out of the queue.
        if (accountId == null && !perLink.tryAcquire(token)) {
            return Optional.empty();
        }
        long shareId = recordReport.apply(token)
                .orElseThrow(() -> new IllegalArgumentException("This shared chat is not available."));
        long reportId = reports.insert(shareId, reason, text.isEmpty() ? null : text, clock.instant());
        events.publishEvent(new ModerationEvents.ReportFiled(reportId, shareId, reason));
        return Optional.of(reportId);
    }

    private static String addressKey(InetAddress clientAddress) {
        return clientAddress == null ? "unknown" : ClientAddress.rateLimitKey(clientAddress);
    }
}
