package com.chatshare.sharepage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.TestClock;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharepage.internal.ViewCounter;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.SharingFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The page's view count counts a reader (an address; IPv6 by its /64; never the user agent, which
 * the client chooses) once per link per UTC day, and keeps nothing of them.
 */
@IntegrationTest
class ViewsOncePerReaderTest {

    static final String READER_AGENT = "Mozilla/5.0 (X11; Linux) ViewsOncePerReaderTest/";

    @Autowired
    MockMvc mvc;

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ViewCounter viewCounter;

    @Autowired
    TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        SignedIn.signOut();
    }

    @Test
    void the_same_reader_twenty_times_is_one_view() throws Exception {
        ShareDetails link = share("Loop me");

        for (int i = 0; i < 20; i++) {
            view(link, "198.51.100.7", READER_AGENT + "1");
        }

        assertThat(views(link)).isEqualTo(1);
    }

    @Test
    void two_addresses_are_two_views() throws Exception {
        ShareDetails link = share("Two readers");

        view(link, "198.51.100.7", READER_AGENT + "1");
        view(link, "198.51.100.8", READER_AGENT + "1");
        view(link, "198.51.100.8", READER_AGENT + "1");

        assertThat(views(link)).isEqualTo(2);
    }

    @Test
    void two_hundred_user_agents_from_one_address_are_one_view() throws Exception {
        ShareDetails link = share("Spoofed agents");

        for (int i = 0; i < 200; i++) {
            view(link, "198.51.100.11", READER_AGENT + i);
        }

        assertThat(views(link)).isEqualTo(1);
    }

    @Test
    void addresses_of_one_ipv6_network_are_one_view() throws Exception {
        ShareDetails link = share("One network");

        for (int i = 1; i <= 20; i++) {
            view(link, "2001:db8:7:7::" + Integer.toHexString(i), READER_AGENT + i);
        }

        assertThat(views(link)).isEqualTo(1);
    }

    @Test
    void a_reader_of_one_link_is_new_to_another() throws Exception {
        ShareDetails first = share("First link");
        ShareDetails second = share("Second link");

        view(first, "198.51.100.9", READER_AGENT + "1");
        view(second, "198.51.100.9", READER_AGENT + "1");

        assertThat(views(first)).isEqualTo(1);
        assertThat(views(second)).isEqualTo(1);
    }

    @Test
    void the_next_utc_day_the_same_reader_counts_again() throws Exception {
        ShareDetails link = share("Come back tomorrow");
        view(link, "198.51.100.10", READER_AGENT + "1");
        view(link, "198.51.100.10", READER_AGENT + "1");
        assertThat(views(link)).isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        view(link, "198.51.100.10", READER_AGENT + "1");
        view(link, "198.51.100.10", READER_AGENT + "1");

        assertThat(views(link)).isEqualTo(2);
    }

    @Test
    void nothing_about_the_reader_is_stored_in_the_database() throws Exception {
        ShareDetails link = share("Leave no trace");
        String agent = READER_AGENT + "trace-" + System.nanoTime();

        view(link, "203.0.113.77", agent);
        assertThat(views(link)).isEqualTo(1);

        List<String> found = new ArrayList<>();
        for (String table : jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = database() "
                        + "and table_type = 'BASE TABLE'", String.class)) {
            for (Map<String, Object> row : jdbc.queryForList("select * from `" + table + "`")) {
                for (Object value : row.values()) {
                    String text = value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                            : String.valueOf(value);
                    if (text.contains("203.0.113.77") || text.contains(agent)) {
                        found.add(table + ": " + text);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private ShareDetails share(String question) {
        return SharingFixtures.sharedByAlice(shares, conversations, users, question, ShareVisibility.ANONYMOUS);
    }

    private void view(ShareDetails link, String address, String userAgent) throws Exception {
        mvc.perform(get(link.path()).header("User-Agent", userAgent).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andExpect(status().isOk());
    }

    private long views(ShareDetails link) {
        viewCounter.flush();
        return jdbc.queryForObject("select view_count from share_link where id = ?", Long.class, link.shareId());
    }
}
