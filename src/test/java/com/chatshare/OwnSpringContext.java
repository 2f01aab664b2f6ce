package com.chatshare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A test class whose Spring context is its own (other settings, a database it stops, its own
 * migrations): the context is closed after the class, and the shared context of every other test
 * gets its security-context strategy back. Vaadin makes each context's strategy the global one;
 * without this, the other tests' sign-ins would land where their services never look.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DirtiesContext
@ExtendWith(OwnSpringContext.SharedSecurityStrategyKept.class)
public @interface OwnSpringContext {

    /** Remembers the strategy before the class's context starts and puts it back after the class. */
    final class SharedSecurityStrategyKept implements BeforeAllCallback, AfterAllCallback {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(SharedSecurityStrategyKept.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getStore(NAMESPACE).put("strategy", SecurityContextHolder.getContextHolderStrategy());
        }

        @Override
        public void afterAll(ExtensionContext context) {
            SecurityContextHolder.setContextHolderStrategy(
                    context.getStore(NAMESPACE).get("strategy", SecurityContextHolderStrategy.class));
        }
    }
}
