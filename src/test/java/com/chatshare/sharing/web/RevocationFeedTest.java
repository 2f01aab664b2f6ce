package com.chatshare.sharing.web;

import static com.chatshare.sharing.SharingFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node serves known-good pages from memory and forgets them when the revocation feed names
 * them (docs/decisions/0011-revocation-feed.md); and it sends the page compressed to clients that
 * accept gzip.
 */
@IntegrationTest
class RevocationFeedTest {

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
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    private ShareDetails share(String question) {
        return SharingFixtures.sharedByAlice(shares, conversations, users, question, ShareVisibility.ANONYMOUS);
    }

    @Test
    void repeated_requests_for_a_link_do_not_each_ask_the_database() throws Exception {
        ShareDetails details = share("Asked once, then remembered");
        mvc.perform(get(details.path()));
        double lookupsBefore = meters.get("chatshare.share.lookup").timer().count();

        for (int i = 0; i < 20; i++) {
            assertThat(mvc.perform(get(details.path())).andReturn().getResponse().getStatus()).isEqualTo(200);
        }

        // Answers come from memory while the feed is read; a pause of the machine longer than the
        // trust window makes a request ask again, so this does not demand zero.
        assertThat(meters.get("chatshare.share.lookup").timer().count() - lookupsBefore).isLessThan(20);
    }

    @Test
    void a_revocation_written_by_another_node_reaches_this_one_through_the_feed() throws Exception {
        ShareDetails details = share("Taken down on another node");
        assertThat(status(details)).isEqualTo(200);

        // What another node's takedown commits: the row's new state and the token in the feed.
        transactions.executeWithoutResult(tx -> {
            jdbc.update("update share_link set status = 'TAKEN_DOWN', takedown_reason = 'spam', "
                    + "version = version + 1 where id = ?", details.shareId());
            jdbc.update("insert into share_revocation (token, revoked_at) values (?, now(6))", token(details));
        });

        assertThat(statusWithin(details, 410, Duration.ofSeconds(5))).isEqualTo(410);
        assertThat(meters.get("chatshare.share.revocation.lag").timer().count()).isPositive();
    }

    @Test
    void an_update_on_this_node_serves_the_new_version_on_the_next_request() throws Exception {
        ShareDetails details = share("Before the update");
        String before = mvc.perform(get(details.path())).andReturn().getResponse().getContentAsString();

        SignedIn.as(users, "alice");
        conversations.postUserMessage(details.conversationId(), "Added before the update");
        shares.share(details.conversationId(), "After the update", ShareVisibility.ANONYMOUS);
        SignedIn.signOut();

        String after = mvc.perform(get(details.path())).andReturn().getResponse().getContentAsString();
        assertThat(before).doesNotContain("After the update");
        assertThat(after).contains("After the update", "Added before the update");
    }

    @Test
    void clients_that_accept_gzip_get_the_same_page_compressed_with_its_own_etag() throws Exception {
        ShareDetails details = share("Compressed once, sent many times");
        MockHttpServletResponse plain = mvc.perform(get(details.path())).andReturn().getResponse();

        MockHttpServletResponse gzipped = mvc.perform(get(details.path())
                .header("Accept-Encoding", "gzip, deflate, br")).andReturn().getResponse();

        assertThat(gzipped.getStatus()).isEqualTo(200);
        assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(plain.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(gzipped.getContentAsByteArray().length).isLessThan(plain.getContentAsByteArray().length);
        assertThat(gunzip(gzipped.getContentAsByteArray())).isEqualTo(plain.getContentAsString());
        assertThat(gzipped.getHeader("ETag")).isNotEqualTo(plain.getHeader("ETag"));
        assertThat(gzipped.getHeader("Content-Security-Policy")).isEqualTo(plain.getHeader("Content-Security-Policy"));

        assertThat(mvc.perform(get(details.path()).header("Accept-Encoding", "gzip")
                .header("If-None-Match", gzipped.getHeader("ETag"))).andReturn().getResponse().getStatus())
                .isEqualTo(304);
        // A cache holding the uncompressed page revalidates it as such.
        assertThat(mvc.perform(get(details.path()).header("If-None-Match", plain.getHeader("ETag")))
                .andReturn().getResponse().getStatus()).isEqualTo(304);
        assertThat(mvc.perform(get(details.path()).header("Accept-Encoding", "gzip")
                .header("If-None-Match", plain.getHeader("ETag"))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    private int status(ShareDetails details) throws Exception {
        return mvc.perform(get(details.path())).andReturn().getResponse().getStatus();
    }

    private int statusWithin(ShareDetails details, int expected, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        int status = status(details);
        while (status != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = status(details);
        }
        return status;
    }

    private static String gunzip(byte[] bytes) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
