package com.chatshare.moderation;

import static com.chatshare.Addresses.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.TestClock;
import com.chatshare.accounts.AccountService;
import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditFilter;
import com.chatshare.audit.AuditLog;
import com.chatshare.conversations.ConversationService;
import com.chatshare.sharepage.internal.ViewCounter;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.moderation.internal.TakedownRetention;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.OwnLinksService;
import com.chatshare.sharing.SharedChatService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Takedowns stick: not undone by an Update in flight, not evaded by deleting and sharing again,
 * and their evidence kept for moderators until the retention ends.
 */
@IntegrationTest
class TakedownsHoldTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ModerationService moderation;

    @Autowired
    ReportService reports;

    @Autowired
    ShareService shares;

    @Autowired
    OwnLinksService ownLinks;

    @Autowired
    SharedChatService sharedChats;

    @Autowired
    ConversationService conversations;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    ViewCounter views;

    @Autowired
    TakedownRetention retention;

    @Autowired
    AuditLog auditLog;

    @Autowired
    TestClock clock;

    @Autowired
    OwnerNotices notices;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        clock.reset();
        SignedIn.signOut();
    }

    @Test
    void a_takedown_and_view_counts_committed_while_an_update_is_in_flight_are_kept() throws Exception {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Update races a takedown",
                ShareVisibility.ANONYMOUS);
        CompletableFuture<?>[] others = new CompletableFuture<?>[2];
        // Between the Update's read of the link and its write: a moderator takes the link down and
        // the view counter adds three views, each in its own transaction on another thread.
        clock.onNextReadingInThisThread(() -> {
            others[0] = CompletableFuture.runAsync(() -> {
                SignedIn.as(users, "mod");
                try {
                    moderation.takeDown(List.of(link.shareId()), ReportReason.SPAM_OR_PHISHING, "Spam");
                } finally {
                    SignedIn.signOut();
                }
            });
            others[1] = CompletableFuture.runAsync(() -> {
                views.viewed(link.shareId(), address("10.0.0.1"));
                views.viewed(link.shareId(), address("10.0.0.2"));
                views.viewed(link.shareId(), address("10.0.0.3"));
                views.flush();
            });
            waitAtMost(Duration.ofMillis(1500), others); // they wait for the Update's row lock
        });

        shares.share(ShareRequest.of(link.conversationId(), "Update races a takedown", ShareVisibility.ANONYMOUS));
        CompletableFuture.allOf(others).get(30, TimeUnit.SECONDS);

        SignedIn.signOut();
        mvc.perform(get(link.path())).andExpect(status().isGone());
        assertThat(jdbc.queryForObject("select view_count from share_link where id = ?", Long.class, link.shareId()))
                .isEqualTo(3);
        SignedIn.as(users, "alice");
        assertThatThrownBy(() -> shares.share(
                ShareRequest.of(link.conversationId(), "Again", ShareVisibility.ANONYMOUS)))
                .isInstanceOf(ShareException.class).hasMessageContaining("Spam or phishing");
    }

    @Test
    void deleting_a_taken_down_link_and_sharing_again_is_refused_and_keeps_reports_and_reason() throws Exception {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Evade the takedown",
                ShareVisibility.ANONYMOUS);
        SignedIn.signOut();
        reports.file(SharingFixtures.token(link), ReportReason.HARASSMENT, "insults", address("10.9.9.1"));
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(link.shareId()), ReportReason.HARASSMENT, "Insults in the answer");

        SignedIn.as(users, "alice");
        int before = ownLinks.countOwnLinks();
        ownLinks.deleteLinks(Set.of(link.shareId()));
        assertThat(ownLinks.countOwnLinks()).isEqualTo(before - 1);
        assertThatThrownBy(() -> shares.share(
                ShareRequest.of(link.conversationId(), "Evade the takedown", ShareVisibility.NAMED)))
                .isInstanceOf(ShareException.class)
                .hasMessage(ShareService.TAKEN_DOWN_MESSAGE + " Reason: Harassment.");
        // Deleting the chat itself does not free it either: the link stays with moderation.
        conversations.delete(link.conversationId());

        SignedIn.signOut();
        mvc.perform(get(link.path())).andExpect(status().isNotFound());
        SignedIn.as(users, "mod");
        List<ModerationRow> queue = moderation.findQueue(ModerationFilter.reportedFirst().withSearch(link.path()), 0, 10);
        assertThat(queue).singleElement().satisfies(row -> assertThat(row.status()).isEqualTo(ShareStatus.TAKEN_DOWN));
        ModerationDetail detail = moderation.detail(link.shareId()).orElseThrow();
        assertThat(detail.takedownReason()).isEqualTo("Harassment");
        assertThat(detail.removedByOwnerAt()).isNotNull();
        assertThat(detail.messages()).isNotEmpty();
        assertThat(detail.reports()).singleElement().satisfies(r -> {
            assertThat(r.details()).isEqualTo("insults");
            assertThat(r.status()).isEqualTo("ACTIONED");
        });
    }

    @Test
    void an_active_link_still_goes_for_good_with_its_chat() throws Exception {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Delete me with my chat",
                ShareVisibility.ANONYMOUS);
        conversations.delete(link.conversationId());

        assertThat(jdbc.queryForObject("select count(*) from share_link where id = ?", Integer.class, link.shareId()))
                .isZero();
        SignedIn.signOut();
        mvc.perform(get(link.path())).andExpect(status().isNotFound());
    }

    @Test
    void the_retention_job_purges_removed_takedowns_with_their_reports_and_audits_itself() {
        ShareDetails kept = SharingFixtures.share(shares, conversations, users, "bob", "Taken down but listed",
                ShareVisibility.ANONYMOUS);
        ShareDetails removed = SharingFixtures.share(shares, conversations, users, "bob", "Taken down and removed",
                ShareVisibility.ANONYMOUS);
        SignedIn.signOut();
        reports.file(SharingFixtures.token(removed), ReportReason.SPAM_OR_PHISHING, null, address("10.9.9.2"));
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(kept.shareId(), removed.shareId()), ReportReason.SPAM_OR_PHISHING, "Spam");
        SignedIn.as(users, "bob");
        ownLinks.deleteLinks(Set.of(removed.shareId()));
        SignedIn.signOut();

        // A report on an active link its owner then deletes: nothing points at it any more.
        ShareDetails deletedActive = SharingFixtures.share(shares, conversations, users, "bob", "Reported then deleted",
                ShareVisibility.ANONYMOUS);
        SignedIn.signOut();
        reports.file(SharingFixtures.token(deletedActive), ReportReason.OTHER, "orphan", address("10.9.9.3"));
        SignedIn.as(users, "bob");
        ownLinks.deleteLinks(Set.of(deletedActive.shareId()));
        SignedIn.as(users, "mod");
        int runsBefore = auditLog.find(AuditFilter.all().withAction(AuditAction.TAKEDOWNS_PURGED), 0, 1000).size();
        SignedIn.signOut();

        clock.advance(Duration.ofDays(179));
        retention.purge();
        assertThat(linkExists(removed.shareId())).isTrue();

        clock.advance(Duration.ofDays(2));
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(linkExists(removed.shareId())).isFalse();
        assertThat(linkExists(kept.shareId())).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from abuse_report where share_link_id = ?", Integer.class,
                removed.shareId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from abuse_report where share_link_id = ?", Integer.class,
                deletedActive.shareId())).isZero();
        SignedIn.as(users, "mod");
        var runs = auditLog.find(AuditFilter.all().withAction(AuditAction.TAKEDOWNS_PURGED), 0, 1000);
        assertThat(runs).hasSize(runsBefore + 2); // one entry per run, also for the run that found nothing
        assertThat(runs.getFirst().actor()).isEqualTo(AuditLog.SYSTEM_ACTOR);
        assertThat(runs.getFirst().details()).doesNotStartWith("0 ");
        assertThat(runs.get(1).details()).startsWith("0 ");
    }

    @Test
    void the_continue_page_shows_nothing_of_a_disabled_owners_link() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "bob", "Owner disabled later",
                ShareVisibility.ANONYMOUS);
        long bobId = jdbc.queryForObject("select id from app_user where username = 'bob'", Long.class);
        SignedIn.as(users, "admin");
        accounts.setEnabled(bobId, false);
        try {
            SignedIn.as(users, "alice");
            assertThat(sharedChats.findPublicSnapshot(SharingFixtures.token(link))).isEmpty();
            assertThatThrownBy(() -> sharedChats.continueConversation(SharingFixtures.token(link)))
                    .isInstanceOf(ShareException.class);
            assertThat(reports.reportableTitle(SharingFixtures.token(link))).isEmpty();
        } finally {
            SignedIn.as(users, "admin");
            accounts.setEnabled(bobId, true);
        }
        SignedIn.as(users, "alice");
        assertThat(sharedChats.findPublicSnapshot(SharingFixtures.token(link))).isPresent();
    }

    @Test
    void a_moderator_cannot_bring_back_their_own_link_while_another_moderator_exists() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "mod", "The moderator's own link",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "admin");
        moderation.takeDown(List.of(link.shareId()), ReportReason.OTHER, "Even moderators");

        SignedIn.as(users, "mod");
        assertThatThrownBy(() -> moderation.reinstate(link.shareId(), "Mine, it is fine"))
                .isInstanceOf(IllegalStateException.class).hasMessage(ModerationService.OWN_LINK_MESSAGE);
        assertThat(moderation.detail(link.shareId()).orElseThrow().mayDecideReviews()).isFalse();

        SignedIn.as(users, "admin");
        assertThat(moderation.reinstate(link.shareId(), "Checked by another moderator")).isTrue();
    }

    @Test
    void a_deleted_account_leaves_its_taken_down_link_with_moderation() throws Exception {
        accounts.register(new com.chatshare.accounts.Registration("leaver", "Leaver", "long-enough-password"));
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "leaver", "Taken down, then I left",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(link.shareId()), ReportReason.SPAM_OR_PHISHING, "Spam");
        SignedIn.as(users, "leaver");

        accounts.deleteOwnAccount("long-enough-password");

        SignedIn.signOut();
        mvc.perform(get(link.path())).andExpect(status().isNotFound());
        SignedIn.as(users, "mod");
        ModerationDetail detail = moderation.detail(link.shareId()).orElseThrow();
        assertThat(detail.row().ownerUsername()).isNull();
        assertThat(detail.removedByOwnerAt()).isNotNull();
        assertThat(detail.takedownReason()).isEqualTo("Spam or phishing");
    }

    @Test
    void a_review_of_a_link_whose_chat_was_deleted_cannot_bring_the_link_back() throws Exception {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Chat deleted after takedown",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(link.shareId()), ReportReason.OTHER, "Test");
        SignedIn.as(users, "alice");
        conversations.delete(link.conversationId());
        int listed = ownLinks.countOwnLinks();

        notices.requestReview(link.shareId(), "Please bring it back");
        assertThat(ownLinks.countOwnLinks()).isEqualTo(listed);

        SignedIn.as(users, "admin");
        long review = moderation.detail(link.shareId()).orElseThrow().openReview().orElseThrow().id();
        moderation.decideReview(review, ModerationService.Decision.REINSTATE, "Fine, but the chat is gone");
        assertThat(linkExists(link.shareId())).isFalse();
        SignedIn.signOut();
        mvc.perform(get(link.path())).andExpect(status().isNotFound());
    }

    private boolean linkExists(long shareId) {
        return jdbc.queryForObject("select count(*) from share_link where id = ?", Integer.class, shareId) == 1;
    }

    private static void waitAtMost(Duration duration, CompletableFuture<?>... futures) {
        try {
            CompletableFuture.allOf(futures).get(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Blocked by the Update's lock, as they should be: the Update goes on and commits.
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
