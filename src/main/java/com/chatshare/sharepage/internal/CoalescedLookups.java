package com.chatshare.sharepage.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers many concurrent lookups with one query, without serving anything stale: a lookup waits
 * for a query that <em>starts after the lookup was asked</em>, so it sees every change committed
 * before it was asked, exactly as if it had queried alone. Lookups asked while a query runs wait
 * for the next one, which answers all of them together (the way databases group commits).
 *
 * <p>One worker thread runs the queries one after another: under load each query answers as many
 * lookups as arrived during the previous one, so the database sees a few hundred small queries a
 * second instead of one per request; without load a lookup costs one query plus a thread hand-off.
 */
final class CoalescedLookups<K, V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CoalescedLookups.class);

    private record Pending<K, V>(K key, CompletableFuture<Optional<V>> answer) {
    }

    private final Function<Set<K>, Map<K, V>> query;
    private final int maxKeysPerQuery;
    private final Duration timeout;
    private final int maxWaiting;
    private final BlockingQueue<Pending<K, V>> waiting = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;

    /**
     * @param query           reads the values of a set of keys in one statement; keys it does not
     *                        return have no value
     * @param maxKeysPerQuery the most lookups one query answers (bounds the statement's size)
     * @param timeout         the longest a lookup waits for its answer (a stalled database must not
     *                        hold requests for the pool's 30 s)
     * @param maxWaiting      the most lookups waiting at once; more are refused at once
     */
    CoalescedLookups(String name, Function<Set<K>, Map<K, V>> query, int maxKeysPerQuery, Duration timeout,
            int maxWaiting) {
        this.query = query;
        this.maxKeysPerQuery = maxKeysPerQuery;
        this.timeout = timeout;
        this.maxWaiting = maxWaiting;
        this.worker = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /**
     * The value of the key as the database holds it now (at or after this call), or empty.
     *
     * @throws LookupUnavailableException when no answer came within the timeout, or too many
     *         lookups wait already
     */
    Optional<V> get(K key) {
        if (waiting.size() >= maxWaiting) {
            throw new LookupUnavailableException("too many lookups waiting");
        }
        Pending<K, V> pending = new Pending<>(key, new CompletableFuture<>());
        waiting.add(pending);
        if (closed) {
            // The worker may have stopped before it saw this lookup.
            pending.answer().completeExceptionally(new IllegalStateException("shutting down"));
        }
        try {
            return pending.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            waiting.remove(pending);
            throw new LookupUnavailableException("no answer within " + timeout);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupUnavailableException("interrupted");
        }
    }

    /** The database did not answer in time, or too many lookups wait for it. */
    static final class LookupUnavailableException extends RuntimeException {

        LookupUnavailableException(String message) {
            super(message);
        }
    }

    /** Lookups waiting for the next query. */
    int waiting() {
        return waiting.size();
    }

    private void run() {
        List<Pending<K, V>> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                break;
            }
            waiting.drainTo(batch, maxKeysPerQuery - 1);
            answer(batch);
            batch.clear();
        }
        waiting.drainTo(batch);
        batch.forEach(pending -> pending.answer().completeExceptionally(new IllegalStateException("shutting down")));
    }

    private void answer(List<Pending<K, V>> batch) {
        try {
            Set<K> keys = new LinkedHashSet<>();
            batch.forEach(pending -> keys.add(pending.key()));
            Map<K, V> values = query.apply(keys);
            batch.forEach(pending -> pending.answer().complete(Optional.ofNullable(values.get(pending.key()))));
        } catch (RuntimeException | Error e) {
            log.warn("Lookup of {} keys failed: {}", batch.size(), e.toString());
            batch.forEach(pending -> pending.answer().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }
}
