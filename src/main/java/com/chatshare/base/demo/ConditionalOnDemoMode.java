package com.chatshare.base.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Matches only in demo mode ({@code chatshare.demo=true}), for beans that create demo accounts or
 * content. Off unless asked for: {@code ./mvnw} asks through the {@code demo} profile, a
 * production jar or container only with {@code CHATSHARE_DEMO=true}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(DemoModeProperties.PROPERTY)
public @interface ConditionalOnDemoMode {
}
