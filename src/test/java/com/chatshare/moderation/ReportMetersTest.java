package com.chatshare.moderation;

import static com.chatshare.Addresses.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Stored reports are counted by reason; refused ones are not. */
@IntegrationTest
class ReportMetersTest {

    @Autowired
    ReportService reports;

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    MeterRegistry registry;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    @Test
    void a_filed_report_is_counted_under_its_reason_and_a_refused_one_is_not() {
        String token = SharingFixtures.token(SharingFixtures.share(shares, conversations, users, "alice",
                "Count the reports", ShareVisibility.ANONYMOUS));
        SignedIn.signOut();
        double violence = filed("violence");
        double hate = filed("hate");

        reports.file(token, ReportReason.VIOLENCE, "a threat", address("10.79.0.1"));
        assertThatThrownBy(() -> reports.file(ShareToken.generate().value(), ReportReason.HATE, null, address("10.79.0.2")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(filed("violence")).isEqualTo(violence + 1);
        assertThat(filed("hate")).isEqualTo(hate);
    }

    private double filed(String reason) {
        return registry.get("chatshare.reports.filed").tag("reason", reason).counter().count();
    }
}
