package com.chatshare.ratelimit;

import com.chatshare.ratelimit.internal.CounterRows;
import com.chatshare.ratelimit.internal.StoredCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters in the database (table rate_limit_counter) that every node counts against together,
 * for the rate limits and lockouts of the features: a limit of 5 holds for the cluster, not for
 * each node. Time comes from the application's {@link Clock}.
 *
 * <p>A counter is one row per scope and key; {@link #update} locks the rows it works on until
 * the transaction ends, so requests for one key — on any node — are counted one after the other
 * and exactly the limit's worth get through. It runs in the caller's transaction when there is
 * one: a hit whose work rolls back is given back with it, and the key's next request waits for
 * that transaction to end. Without a transaction it runs in one of its own. It needs a read-write
 * transaction either way. Keys are stored as their SHA-256.
 */
@Component
public class SharedCounters {

    private static final int ATTEMPTS = 3;

    private final CounterRows rows;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Public for tests that run two "nodes" in one JVM: two instances on one data source. */
    public SharedCounters(CounterRows rows, PlatformTransactionManager transactionManager, Clock clock) {
        this.rows = rows;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** A limit of {@code limit} hits per key within a sliding {@code window}, for a feature to keep. */
    public RateLimit limit(String scope, int limit, Duration window) {
        new CounterKey(scope, "", window); // checks scope and window now rather than at the first request
        return new RateLimit(this, scope, limit, window);
    }

    /**
     * Counts one hit of {@code key} unless the hits within the sliding {@code window} have reached
     * {@code limit} already; a refused request is not counted, so hammering does not keep a key
     * refused beyond the window.
     *
     * @return whether the hit was counted (the request may go ahead)
     */
    public boolean tryAcquire(String scope, String key, int limit, Duration window) {
        CounterKey counted = new CounterKey(scope, key, window);
        return compute(List.of(counted), counters -> {
            WindowCounter counter = counters.get(counted);
            if (counter.count() >= limit) {
                return false;
            }
            counter.add(1);
            return true;
        });
    }

    /**
     * As {@link #tryAcquire}, and when refused, how long until a hit would be counted again.
     *
     * @return empty when the hit was counted; otherwise the wait
     */
    public java.util.Optional<Duration> acquireOrWait(String scope, String key, int limit, Duration window) {
        CounterKey counted = new CounterKey(scope, key, window);
        return compute(List.of(counted), counters -> {
            WindowCounter counter = counters.get(counted);
            if (counter.count() >= limit) {
                return java.util.Optional.of(counter.untilBelow(limit));
            }
            counter.add(1);
            return java.util.Optional.<Duration>empty();
        });
    }

    /**
     * Locks the counters of these keys (creating missing ones) until the transaction ends, hands
     * them to {@code work} and saves what it changed. For limits with more rules than
     * {@link #tryAcquire}, such as the sign-in throttle's lockouts.
     */
    public void update(Collection<CounterKey> keys, Consumer<Counters> work) {
        compute(keys, counters -> {
            work.accept(counters);
            return null;
        });
    }

    /** As {@link #update}, with a result. */
    public <T> T compute(Collection<CounterKey> keys, Function<Counters, T> work) {
        List<CounterKey> ordered = keys.stream().distinct().sorted(CounterKey.LOCK_ORDER).toList();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
                throw new IllegalStateException("shared counters are written: not in a read-only transaction");
            }
            return locked(ordered, work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> locked(ordered, work));
            } catch (PessimisticLockingFailureException e) {
                // A deadlock or lock wait that timed out rolled the transaction back: nothing was counted.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The counters of these keys as they stand, without locking or creating them: for a quick
     * refusal before the locked {@link #update} that decides. Changes to them are not saved.
     */
    public Counters read(Collection<CounterKey> keys) {
        List<CounterKey> list = keys.stream().distinct().toList();
        Instant now = clock.instant();
        Map<CounterKey, StoredCounter> stored = rows.read(list);
        Map<CounterKey, WindowCounter> counters = new HashMap<>();
        list.forEach(key -> counters.put(key, new WindowCounter(key, now, stored.get(key))));
        return new Counters(now, counters);
    }

    private <T> T locked(List<CounterKey> keys, Function<Counters, T> work) {
        Instant now = clock.instant();
        Map<CounterKey, StoredCounter> stored = rows.lock(keys, now);
        Map<CounterKey, WindowCounter> byKey = new HashMap<>();
        keys.forEach(key -> byKey.put(key, new WindowCounter(key, now, stored.get(key))));
        Counters counters = new Counters(now, byKey);
        T result = work.apply(counters);
        Map<CounterKey, StoredCounter> changed = new HashMap<>();
        byKey.forEach((key, counter) -> {
            if (counter.isChanged() && !counter.isDeleted()) {
                changed.put(key, counter.toStored());
            }
        });
        rows.save(changed);
        rows.delete(byKey.entrySet().stream().filter(e -> e.getValue().isDeleted()).map(Map.Entry::getKey).toList());
        return result;
    }
}
