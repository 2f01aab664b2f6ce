package com.chatshare.base.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.OwnSpringContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application as {@code java -jar} starts it on the embedded database: no demo mode, so no
 * account with a known password; the log says how to create the first admin. Its own context
 * (and database server), since every other test signs in as the demo accounts.
 */
@SpringBootTest(properties = "chatshare.demo=false")
@ExtendWith(OutputCaptureExtension.class)
@OwnSpringContext
class DemoModeOffTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void no_demo_accounts_or_content_exist_and_the_log_says_how_to_create_the_first_admin(CapturedOutput output) {
        assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from conversation", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from share_link", Long.class)).isZero();

        assertThat(output).contains("Demo mode is off")
                .contains("No admin account exists. To create the first one, set CHATSHARE_ADMIN_USERNAME and "
                        + "CHATSHARE_ADMIN_PASSWORD")
                .doesNotContain("Created demo account");
    }

    @Test
    void the_application_reaches_the_embedded_database_as_its_own_user_not_as_root() {
        assertThat(jdbc.queryForObject("select current_user()", String.class)).isEqualTo("chatshare@127.0.0.1");
    }
}
