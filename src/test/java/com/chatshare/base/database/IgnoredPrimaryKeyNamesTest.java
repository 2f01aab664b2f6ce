package com.chatshare.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class IgnoredPrimaryKeyNamesTest {

    final IgnoredPrimaryKeyNames filter = new IgnoredPrimaryKeyNames();
    final LoggerContext context = new LoggerContext();

    @Test
    void drops_only_the_note_about_a_primary_keys_name() {
        Logger executor = context.getLogger(IgnoredPrimaryKeyNames.SCRIPT_EXECUTOR);

        assertThat(decide(executor, Level.WARN,
                "DB: Name 'app_user_pk' ignored for PRIMARY key. (SQL State:  - Error Code: 1280)"))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide(executor, Level.WARN, "DB: Data truncated for column 'x' at row 1 (SQL State: 01000 - "
                + "Error Code: 1265)")).as("another warning of a migration").isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(executor, Level.ERROR,
                "DB: Name 'app_user_pk' ignored for PRIMARY key. (SQL State:  - Error Code: 1280)"))
                .as("the same text at another level").isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(context.getLogger("com.chatshare.Other"), Level.WARN,
                "Name 'x_pk' ignored for PRIMARY key. (SQL State:  - Error Code: 1280)"))
                .as("another logger").isEqualTo(FilterReply.NEUTRAL);
    }

    private FilterReply decide(Logger logger, Level level, String message) {
        return filter.decide(null, logger, level, message, null, null);
    }
}
