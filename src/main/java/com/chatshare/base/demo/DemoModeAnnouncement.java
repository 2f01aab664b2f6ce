package com.chatshare.base.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at startup which mode is on, before the demo accounts (if any) are created, and warns loudly
 * when demo mode runs on a database that is not the embedded one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoModeAnnouncement implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoModeAnnouncement.class);
    /** Set for an external database, as {@code ConditionalOnEmbeddedDatabase} decides. */
    private static final String DATASOURCE_URL = "spring.datasource.url";

    private final DemoModeProperties properties;
    private final Environment environment;

    DemoModeAnnouncement(DemoModeProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demo()) {
            log.warn("Demo mode is ON: demo accounts (alice, bob, mod, admin) with the known passwords from the "
                    + "README and demo chats are created. Anyone who can reach this instance can sign in as admin; "
                    + "do not expose it. Set CHATSHARE_DEMO=false to run without them.");
            if (onExternalDatabase()) {
                // Not the URL itself: it may carry credentials.
                log.warn("DEMO MODE ON AN EXTERNAL DATABASE (spring.datasource.url is set): demo mode is meant for "
                        + "the embedded one. Demo accounts with known passwords are created there only if it holds "
                        + "no other accounts; set CHATSHARE_DEMO=false unless this database is a throw-away trial.");
            }
        } else {
            log.info("Demo mode is off: no demo accounts or content. Set CHATSHARE_DEMO=true for a trial with "
                    + "demo accounts.");
        }
    }

    private boolean onExternalDatabase() {
        String url = environment.getProperty(DATASOURCE_URL);
        return url != null && !url.isBlank();
    }
}
