package com.chatshare;

import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.internal.SwitchableAssistant;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
class TestAssistantConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    @Primary
    SwitchableAssistant switchableAssistant(@Qualifier("assistant") Assistant configured) {
        return new SwitchableAssistant(configured);
    }
}
