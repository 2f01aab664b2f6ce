package com.chatshare.sharing.internal;

import com.chatshare.sharing.ShareEvents;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes for good the taken-down links whose owners removed them before a cut-off, a thousand
 * per transaction; each batch's event lets moderation drop its records of them in the same
 * transaction, and one event at the end of the run lets it write the run's audit entry. The
 * cut-off and the schedule are moderation's (its retention job calls
 * {@link com.chatshare.sharing.ShareModeration#purgeRemovedTakedowns}). On several nodes each node
 * runs it; the locked read makes the others find nothing to purge.
 */
@Component
public class TakedownPurge {

    static final int BATCH = 1_000;

    private final ModeratedLinks links;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    TakedownPurge(ModeratedLinks links, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.links = links;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** @return how many links were purged */
    public int purgeRemovedBefore(Instant cutoff) {
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
