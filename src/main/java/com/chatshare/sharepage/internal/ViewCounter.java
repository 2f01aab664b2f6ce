package com.chatshare.sharepage.internal;

import com.chatshare.security.ClientAddress;
import com.chatshare.sharing.PublicLinks;
import com.chatshare.sharing.SharingSettings;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Counts page views in memory and adds them to the links' counts every few seconds
 * ({@link SharingSettings#viewFlushInterval()}, through {@link PublicLinks#addViews}), so a popular
 * link costs no database write per view. Views of the last interval are lost if the node dies;
 * while the database cannot take them they are kept for the next flush.
 *
 * <p>A reader counts once per link per UTC day, so a loop cannot push a link up the moderators'
 * "most viewed" order. A reader is an HMAC of the client address (by the rate limits' key: IPv6 by
 * its /64) under a secret drawn at random for the day on this node, kept in memory only, and forgotten with the day's
 * record of who was seen: a Bloom filter of {@value #FILTER_BITS} bits (8 MB), so memory stays
 * bounded however many readers come; past about 7 million (link, reader) pairs a day on one node,
 * more and more new readers go uncounted. Each node has its own secret, so behind a load balancer
 * a reader counts at most once per node a day (docs/decisions/0013).
 */
@Component
public class ViewCounter implements SchedulingConfigurer {

    static final int FILTER_BITS = 1 << 26;
    private static final int HASHES = 7;
    private static final String HMAC = "HmacSHA256";
    private static final long SECONDS_PER_DAY = 86_400;

    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();
    private final PublicLinks links;
    private final Clock clock;
    private final Duration flushInterval;
    private final SecureRandom random = new SecureRandom();
    private volatile @Nullable Day today;

    ViewCounter(PublicLinks links, Clock clock, SharingSettings settings) {
        this.links = links;
        this.clock = clock;
        this.flushInterval = settings.viewFlushInterval();
    }

    /** Flushes every {@link SharingSettings#viewFlushInterval()}, the next flush that long after the last one ended. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::flush, flushInterval);
    }

    /**
     * A view of the link's page by a reader, told apart by address only (as the app sees it: behind
     * a trusted proxy, the forwarded client; an IPv6 address by its /64). Counted if the reader has
     * not viewed the link yet today. Not by user agent: a client chooses that freely, so it would
     * give a loop a fresh reader per request (issue 22, item 7).
     */
    public void viewed(long shareId, @Nullable InetAddress clientAddress) {
        Day day = today();
        if (day.firstSighting(digest(day, shareId, clientAddress))) {
            pending.computeIfAbsent(shareId, id -> new LongAdder()).increment();
        }
    }

    /** Adds the views counted since the last flush to the links' counts; also when the node stops. */
    @PreDestroy
    public void flush() {
        Day day = today;
        if (day != null && day.epochDay != epochDay()) {
            // Yesterday's secret and readers are dropped even when no view comes to replace them.
            today = null;
        }
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, Long> views = new HashMap<>();
        for (Long shareId : pending.keySet()) {
            LongAdder adder = pending.remove(shareId);
            long count = adder == null ? 0 : adder.sum();
            if (count > 0) {
                views.put(shareId, count);
            }
        }
        try {
            links.addViews(views);
        } catch (RuntimeException e) {
            // Not written (the transaction rolled back): counted again with the next flush.
            views.forEach((shareId, count) -> pending.computeIfAbsent(shareId, id -> new LongAdder()).add(count));
            throw e;
        }
    }

    private long epochDay() {
        return Math.floorDiv(clock.instant().getEpochSecond(), SECONDS_PER_DAY);
    }

    private Day today() {
        long epochDay = epochDay();
        Day day = today;
        if (day != null && day.epochDay == epochDay) {
            return day;
        }
        synchronized (this) {
            day = today;
            if (day == null || day.epochDay != epochDay) {
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                day = new Day(epochDay, new SecretKeySpec(secret, HMAC), new AtomicLongArray(FILTER_BITS / 64),
                        new ConcurrentLinkedQueue<>());
                today = day;
            }
            return day;
        }
    }

    private byte[] digest(Day day, long shareId, @Nullable InetAddress clientAddress) {
        // Each request runs on a new virtual thread, so a thread-local Mac would be made anew
        // every time (a provider lookup per view): the day keeps a pool of keyed ones instead.
        Mac mac = day.take();
        try {
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(0, shareId));
            // By the rate limits' key: readers on one IPv6 /64 are one reader, as they are one client there.
            mac.update((clientAddress == null ? "" : ClientAddress.rateLimitKey(clientAddress)).getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } finally {
            day.macs.offer(mac);
        }
    }

    /** A day on this node: its secret and the Bloom filter of the (link, reader) pairs seen. */
    private record Day(long epochDay, SecretKeySpec key, AtomicLongArray bits, Queue<Mac> macs) {

        /** A Mac keyed with the day's secret, from the pool or new; given back after use (doFinal resets it). */
        Mac take() {
            Mac mac = macs.poll();
            if (mac != null) {
                return mac;
            }
            try {
                mac = Mac.getInstance(HMAC);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Records the pair; true if it was not seen before (two racing first views may both count). */
        boolean firstSighting(byte[] digest) {
            ByteBuffer buffer = ByteBuffer.wrap(digest);
            long h1 = buffer.getLong(0);
            long h2 = buffer.getLong(8) | 1;
            boolean added = false;
            for (int i = 0; i < HASHES; i++) {
                int bit = (int) ((h1 + i * h2) & (FILTER_BITS - 1));
                int word = bit >>> 6;
                long mask = 1L << (bit & 63);
                if ((bits.get(word) & mask) == 0 && (bits.getAndAccumulate(word, mask, (a, b) -> a | b) & mask) == 0) {
                    added = true;
                }
            }
            return added;
        }
    }
}
