package com.chatshare;

import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.internal.SwitchableAssistant;
import com.chatshare.ratelimit.SecondNode;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@TestConfiguration(proxyBeanMethods = false)
class TestAssistantConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /** Measures the share-page memory's bounds (KnownHeads, FeedReader) and the feed writer's late commit (RevocationFeed), so tests move them with the clock. */
    @Bean
    Ticker shareMemoryTicker(TestClock clock) {
        return clock::nanos;
    }

    @Bean
    @Primary
    SwitchableAssistant switchableAssistant(@Qualifier("assistant") Assistant configured) {
        return new SwitchableAssistant(configured);
    }

    @Bean
    SecondNode secondNode(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        return new SecondNode(jdbc, transactionManager, clock);
    }
}
