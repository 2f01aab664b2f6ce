package com.chatshare.base.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when no external database is configured ({@code spring.datasource.url} is unset), so
 * Chatshare runs on its embedded MariaDB. Demo data does not depend on it (a production jar may run
 * on the embedded database too): see {@link com.chatshare.base.demo.ConditionalOnDemoMode}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnEmbeddedDatabase.NoExternalDatabaseCondition.class)
public @interface ConditionalOnEmbeddedDatabase {

    final class NoExternalDatabaseCondition extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return (url == null || url.isBlank())
                    ? ConditionOutcome.match("no spring.datasource.url: using the embedded MariaDB")
                    : ConditionOutcome.noMatch("spring.datasource.url is set: using an external database");
        }
    }
}
