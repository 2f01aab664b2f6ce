package com.chatshare.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditEntry;
import com.chatshare.audit.AuditFilter;
import com.chatshare.audit.AuditLog;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.sharing.ModeratedLinkQuery;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareModeration;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.ShareRequest;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 22, item 3: a link for specific people is its readers' business. Moderators do not find
 * it in the queue, by title or by URL, cannot open it, read its snapshot or take it down, until one
 * of its readers reports it; then they can, and each opening is in the audit log.
 */
@IntegrationTest
class RestrictedLinksModerationTest {

    private static final AtomicInteger made = new AtomicInteger();

    @Autowired
    ModerationService moderation;

    @Autowired
    ShareModeration links;

    @Autowired
    ReportService reports;

    @Autowired
    ShareService shares;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AccountService accounts;

    /** The reader the links are shared with: a fresh account per test, so the report limits start afresh. */
    String reader;

    @BeforeEach
    void aFreshReader() {
        reader = "reader-" + made.incrementAndGet();
        accounts.register(new Registration(reader, "Reader " + reader, "long-enough-password"));
    }

    @AfterEach
    void signOut() {
        SignedIn.signOut();
    }

    /** Alice's chat with a title word nobody else uses, shared with the reader only. */
    private ShareDetails sharedWithReader(String word) {
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, "alice",
                "Private " + word);
        ShareDetails details = shares.share(ShareRequest.of(conversation.id(), "Private " + word, ShareVisibility.NAMED)
                .withSettings(new ShareSettings(ShareAudience.PEOPLE, List.of(reader), null)));
        SignedIn.signOut();
        return details;
    }

    private static String word() {
        return "zorbel" + made.incrementAndGet() + "x";
    }

    private void reportAs(String username, ShareDetails link, String address) throws Exception {
        SignedIn.as(users, username);
        try {
            reports.fileAsReader(SharingFixtures.token(link).substring(0, 22), ReportReason.HARASSMENT,
                    "About me, without my consent", InetAddress.getByName(address));
        } finally {
            SignedIn.signOut();
        }
    }

    private List<Long> queueIds(ModerationFilter filter) {
        return moderation.findQueue(filter, 0, 50).stream().map(ModerationRow::shareId).toList();
    }

    @Test
    void moderators_cannot_list_search_open_or_take_down_a_link_for_specific_people_nobody_reported() {
        String word = word();
        ShareDetails link = sharedWithReader(word);
        SignedIn.as(users, "mod");

        assertThat(queueIds(ModerationFilter.reportedFirst())).doesNotContain(link.shareId());
        assertThat(queueIds(ModerationFilter.reportedFirst().withSearch(word))).isEmpty();
        assertThat(queueIds(ModerationFilter.reportedFirst().withSearch(link.path()))).isEmpty();
        assertThat(queueIds(ModerationFilter.reportedFirst().withOwner("alice"))).doesNotContain(link.shareId());
        assertThat(links.find(ModeratedLinkQuery.all(ModeratedLinkQuery.Sort.CREATED), 0, 1_000))
                .noneMatch(l -> l.shareId() == link.shareId());
        assertThat(moderation.detail(link.shareId())).isEqualTo(moderation.detail(Long.MAX_VALUE)).isEmpty();
        assertThat(links.find(link.shareId())).isEmpty();
        assertThat(links.snapshot(link.shareId())).isEmpty();
        assertThat(moderation.takeDown(List.of(link.shareId()), ReportReason.OTHER, "Curious")).isZero();
        assertThat(auditLog.find(AuditFilter.all().withTarget("share:" + link.shareId()), 0, 20))
                .extracting(AuditEntry::action).doesNotContain(AuditAction.RESTRICTED_LINK_OPENED);
    }

    @Test
    void someone_not_listed_cannot_report_it_into_the_queue() throws Exception {
        String word = word();
        ShareDetails link = sharedWithReader(word);

        assertThatThrownBy(() -> reportAs("mod", link, "10.22.3.1")).isInstanceOf(IllegalArgumentException.class);

        SignedIn.as(users, "mod");
        assertThat(queueIds(ModerationFilter.reportedFirst().withSearch(word))).isEmpty();
        assertThat(moderation.detail(link.shareId())).isEmpty();
    }

    @Test
    void a_report_by_a_listed_reader_shows_it_to_moderators_and_every_opening_is_audited() throws Exception {
        String word = word();
        ShareDetails link = sharedWithReader(word);

        reportAs(reader, link, "10.22.3.2");

        SignedIn.as(users, "mod");
        assertThat(queueIds(ModerationFilter.reportedFirst().withSearch(word))).containsExactly(link.shareId());
        assertThat(queueIds(ModerationFilter.reportedFirst().withSearch(link.path()))).containsExactly(link.shareId());
        ModerationDetail detail = moderation.detail(link.shareId()).orElseThrow();
        assertThat(detail.messages()).isNotEmpty();
        assertThat(detail.reports()).singleElement()
                .satisfies(r -> assertThat(r.details()).isEqualTo("About me, without my consent"));
        moderation.detail(link.shareId());

        assertThat(auditLog.find(AuditFilter.all().withTarget("share:" + link.shareId()), 0, 20))
                .filteredOn(e -> e.action() == AuditAction.RESTRICTED_LINK_OPENED)
                .hasSize(2).allSatisfy(e -> assertThat(e.actor()).isEqualTo("mod"));
        assertThat(moderation.takeDown(List.of(link.shareId()), ReportReason.HARASSMENT, "Doxxing")).isEqualTo(1);
    }

    @Test
    void links_for_signed_in_users_stay_in_the_queue_without_a_report_and_opening_them_is_not_audited_as_restricted() {
        String word = word();
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, "alice",
                "Members " + word);
        ShareDetails link = shares.share(ShareRequest.of(conversation.id(), "Members " + word, ShareVisibility.NAMED)
                .withSettings(new ShareSettings(ShareAudience.SIGNED_IN, List.of(), null)));
        SignedIn.as(users, "mod");

        assertThat(queueIds(ModerationFilter.reportedFirst().withSearch(word))).containsExactly(link.shareId());
        assertThat(moderation.detail(link.shareId())).isPresent();
        assertThat(auditLog.find(AuditFilter.all().withTarget("share:" + link.shareId()), 0, 20))
                .extracting(AuditEntry::action).doesNotContain(AuditAction.RESTRICTED_LINK_OPENED);
    }

    @Test
    void a_signed_in_reader_is_one_reporter_whatever_the_address() throws Exception {
        List<ShareDetails> shared = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            shared.add(sharedWithReader(word()));
        }

        reportAs(reader, shared.getFirst(), "10.23.0.1");
        reportAs(reader, shared.getFirst(), "10.23.0.2");
        for (int i = 1; i < 5; i++) {
            reportAs(reader, shared.get(i), "10.23.1." + i);
        }

        assertThatThrownBy(() -> reportAs(reader, shared.get(5), "10.23.2.1"))
                .isInstanceOf(ReportRateLimitedException.class);
        SignedIn.as(users, "mod");
        assertThat(moderation.detail(shared.getFirst().shareId()).orElseThrow().reports()).hasSize(1);
        assertThat(moderation.detail(shared.get(5).shareId())).isEmpty();
    }
}
