package com.chatshare.base.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether this instance runs in demo mode: demo accounts with the README's known passwords and
 * demo content. Set with {@code CHATSHARE_DEMO=true}; the {@code demo} profile, which
 * {@code ./mvnw} activates, sets it too.
 */
@ConfigurationProperties("chatshare")
public record DemoModeProperties(@DefaultValue("false") boolean demo) {

    static final String PROPERTY = "chatshare.demo";
}
