package com.chatshare.sharing.internal;

import com.chatshare.sharing.ModerationRetention;
import com.chatshare.sharing.ShareEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes for good the taken-down links whose owners removed them longer ago than the retention,
 * a thousand per transaction; each batch's event lets moderation drop its records of them in the
 * same transaction, and one event at the end of the run lets it write the run's audit entry. On
 * several nodes each node runs it; the locked read makes the others find nothing to purge.
 */
@Component
public class TakedownRetention {

    static final int BATCH = 1_000;

    private final ModeratedLinks links;
    private final ModerationRetention retention;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TakedownRetention(ModeratedLinks links, ModerationRetention retention, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.links = links;
        this.retention = retention;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** @return how many links were purged */
    @Scheduled(cron = "${chatshare.moderation.purge-cron:0 17 3 * * *}")
    public int purge() {
        Instant cutoff = clock.instant().minus(retention.retention());
        int purged = 0;
        List<Long> ids;
        do {
            ids = transactions.execute(status -> {
                List<Long> batch = links.purgeRemovedBefore(cutoff, BATCH);
                if (!batch.isEmpty()) {
                    events.publishEvent(new ShareEvents.TakenDownLinksPurged(batch, cutoff));
                }
                return batch;
            });
            purged += ids.size();
        } while (ids.size() == BATCH);
        int total = purged;
        transactions.executeWithoutResult(status ->
                events.publishEvent(new ShareEvents.TakedownRetentionRan(total, cutoff)));
        return purged;
    }
}
