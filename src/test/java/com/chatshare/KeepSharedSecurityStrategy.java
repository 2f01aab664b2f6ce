package com.chatshare;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For a test class with a Spring context of its own: Vaadin makes each context's
 * security-context strategy the global one, so the shared context of every other test must get
 * its own back after this class, or their sign-ins land where its services never look. Declare it
 * after {@code @SpringBootTest}, so it gives the strategy back before the context closes.
 */
public class KeepSharedSecurityStrategy implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KeepSharedSecurityStrategy.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(SecurityContextHolderStrategy.class, SecurityContextHolder.getContextHolderStrategy());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolder.setContextHolderStrategy(
                context.getStore(NAMESPACE).get(SecurityContextHolderStrategy.class, SecurityContextHolderStrategy.class));
    }
}
