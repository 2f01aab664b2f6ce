package com.chatshare.sharing.internal;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts page views in memory and adds them to the database every few seconds, so a popular link
 * costs no database write per view. Views of the last interval are lost if the node dies.
 */
@Component
public class ViewCounter {

    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();
    private final ShareLinkRepository links;

    private final TransactionTemplate transactions;

    ViewCounter(ShareLinkRepository links, PlatformTransactionManager transactionManager) {
        this.links = links;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public void viewed(long shareId) {
        pending.computeIfAbsent(shareId, id -> new LongAdder()).increment();
    }

    @Scheduled(fixedDelayString = "${chatshare.sharing.view-flush-interval:10s}")
    @PreDestroy
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            for (Long shareId : pending.keySet()) {
                LongAdder adder = pending.remove(shareId);
                long views = adder == null ? 0 : adder.sum();
                if (views > 0) {
                    links.addViews(shareId, views);
                }
            }
        });
    }
}
