package com.chatshare.base.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Says at startup which mode is on, before the demo accounts (if any) are created. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoModeAnnouncement implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoModeAnnouncement.class);

    private final DemoModeProperties properties;

    DemoModeAnnouncement(DemoModeProperties properties) {
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demo()) {
            log.warn("Demo mode is ON: demo accounts (alice, bob, mod, admin) with the known passwords from the "
                    + "README and demo chats are created. Anyone who can reach this instance can sign in as admin; "
                    + "do not expose it. Set CHATSHARE_DEMO=false to run without them.");
        } else {
            log.info("Demo mode is off: no demo accounts or content. Set CHATSHARE_DEMO=true for a trial with "
                    + "demo accounts.");
        }
    }
}
