package com.chatshare.sharepage.web;

import static com.chatshare.sharing.SharingFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.TestClock;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharepage.internal.KnownHeads;
import com.chatshare.sharepage.internal.OtherNode;
import com.chatshare.sharing.PublicLinks;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.ShareRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
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
    PublicLinks links;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestClock clock;

    @AfterEach
    void signOut() {
        SignedIn.signOut();
        clock.reset();
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
        shares.share(ShareRequest.of(details.conversationId(), "After the update", ShareVisibility.ANONYMOUS));
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

    @Test
    void a_delete_held_up_by_a_lock_on_the_link_is_seen_on_this_node_and_another_when_it_commits() throws Exception {
        // Issue 22 (2): the feed row was written before the wait and read only for 10 s by its
        // timestamp, so a delete that waited longer was never seen and the page stayed up.
        ShareDetails details = share("Deleted while another session holds its row");
        assertThat(status(details)).isEqualTo(200);
        try (OtherNode other = new OtherNode(links, jdbc, clock::nanos);
                Connection held = dataSource.getConnection()) {
            other.serves(token(details));
            held.setAutoCommit(false);
            lockRow(held, "select id from share_link where id = ? for update", details.shareId());

            CompletableFuture<Void> delete = CompletableFuture.runAsync(() -> as("alice",
                    () -> shares.deleteShare(details.conversationId())));
            // Other revocations commit while it waits: the feed moves on past it.
            ShareDetails meanwhile = SharingFixtures.share(shares, conversations, users, "bob",
                    "Deleted while alice's delete waits", ShareVisibility.ANONYMOUS);
            shares.deleteShare(meanwhile.conversationId());
            SignedIn.signOut();
            assertThat(delete).isNotDone();
            held.rollback();
            delete.get(30, TimeUnit.SECONDS);

            assertThat(status(details)).isEqualTo(404);
            assertThat(other.forgets(token(details))).isTrue();
        }
    }

    @Test
    void a_revocation_whose_transaction_commits_long_after_its_feed_row_is_seen_on_this_node_and_another()
            throws Exception {
        // Its feed row has an id lower than rows committed meanwhile: readers wait for that id.
        ShareDetails details = share("Deleted, then its transaction waits for a lock");
        ShareDetails blocker = SharingFixtures.sharedByAlice(shares, conversations, users, "Held by another session",
                ShareVisibility.ANONYMOUS);
        ShareDetails meanwhile = share("Deleted while the first delete's transaction waits");
        assertThat(status(details)).isEqualTo(200);
        assertThat(status(meanwhile)).isEqualTo(200);
        try (OtherNode other = new OtherNode(links, jdbc, clock::nanos);
                Connection held = dataSource.getConnection()) {
            other.serves(token(details));
            other.serves(token(meanwhile));
            held.setAutoCommit(false);
            lockRow(held, "select id from share_link where id = ? for update", blocker.shareId());

            CountDownLatch written = new CountDownLatch(1);
            CompletableFuture<Void> late = lateDelete(details, blocker, written);
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            as("alice", () -> shares.deleteShare(meanwhile.conversationId()));
            assertThat(other.forgets(token(meanwhile))).isTrue();
            assertThat(other.gaps()).as("the other node waits for the late row's id").isPositive();

            held.rollback();
            late.get(30, TimeUnit.SECONDS);

            assertThat(status(details)).isEqualTo(404);
            assertThat(other.forgets(token(details))).isTrue();
        }
    }

    @Test
    void a_revocation_that_commits_after_readers_gave_up_on_its_row_makes_every_node_forget_everything()
            throws Exception {
        ShareDetails details = share("Deleted, then its transaction waits past the gap timeout");
        ShareDetails blocker = SharingFixtures.sharedByAlice(shares, conversations, users, "Held a long time",
                ShareVisibility.ANONYMOUS);
        ShareDetails meanwhile = share("Deleted while the long transaction waits");
        try (OtherNode other = new OtherNode(links, jdbc, clock::nanos);
                Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            lockRow(held, "select id from share_link where id = ? for update", blocker.shareId());
            CountDownLatch written = new CountDownLatch(1);
            CompletableFuture<Void> late = lateDelete(details, blocker, written);
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            other.serves(token(meanwhile));
            as("alice", () -> shares.deleteShare(meanwhile.conversationId()));
            assertThat(other.forgets(token(meanwhile))).isTrue();

            // Longer than readers wait for a missing id: both nodes give up on it ...
            clock.advance(Duration.ofMinutes(11));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (other.gaps() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(other.gaps()).isZero();
            // ... and serve the link again, as the database still shows it before the commit.
            assertThat(status(details)).isEqualTo(200);
            other.serves(token(details));

            held.rollback();
            late.get(30, TimeUnit.SECONDS);

            assertThat(status(details)).isEqualTo(404);
            assertThat(other.forgets(token(details))).isTrue();
        }
    }

    @Test
    void a_remembered_page_is_confirmed_with_the_database_once_the_trust_bound_has_passed() throws Exception {
        ShareDetails details = share("Remembered, then gone without a feed row");
        assertThat(status(details)).isEqualTo(200);
        try (OtherNode other = new OtherNode(links, jdbc, clock::nanos)) {
            other.serves(token(details));
            // A removal the feed never carried (as if the node that made it had crashed before
            // announcing a late commit): only the trust bound makes the nodes ask again.
            jdbc.update("update share_link set removed_by_owner_at = now(6) where id = ?", details.shareId());

            clock.advance(KnownHeads.CONFIRM_AFTER);

            assertThat(status(details)).isEqualTo(404);
            assertThat(other.remembers(token(details))).isFalse();
        }
    }

    /**
     * Alice deletes the link in a transaction that then waits for the held row {@code blocker}
     * (as an account deletion goes on after the links): the feed row is written, uncommitted.
     */
    private CompletableFuture<Void> lateDelete(ShareDetails details, ShareDetails blocker, CountDownLatch written) {
        return CompletableFuture.runAsync(() -> as("alice", () -> transactions.executeWithoutResult(tx -> {
            shares.deleteShare(details.conversationId());
            written.countDown();
            jdbc.queryForObject("select id from share_link where id = ? for update", Long.class, blocker.shareId());
        })));
    }

    private void as(String username, Runnable action) {
        SignedIn.as(users, username);
        try {
            action.run();
        } finally {
            SignedIn.signOut();
        }
    }

    private static void lockRow(Connection connection, String sql, long id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeQuery().close();
        }
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
