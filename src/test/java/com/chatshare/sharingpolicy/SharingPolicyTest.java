package com.chatshare.sharingpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.chatshare.IntegrationTest;
import com.chatshare.OwnSpringContext;
import com.chatshare.SignedIn;
import com.chatshare.TestClock;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.audit.AuditAction;
import com.chatshare.audit.AuditEntry;
import com.chatshare.audit.AuditFilter;
import com.chatshare.audit.AuditLog;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.moderation.OwnerNotice;
import com.chatshare.moderation.OwnerNotices;
import com.chatshare.sharing.ExpiryPolicy;
import com.chatshare.sharing.PolicyFixtures;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareQuery;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareSettingsException;
import com.chatshare.sharing.ShareSummary;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.SharingPolicy;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.OwnLinksService;
import com.chatshare.sharing.SharedChatService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The instance's sharing policy (docs/decisions/0016-sharing-policy.md): only admins change it,
 * every change is audited, the service refuses what it forbids whatever the dialog offers, and
 * existing links it forbids stop answering publicly at once (also where the node answered from
 * memory), with one notice per owner.
 *
 * <p>A context of its own: a policy change applies to every link in the database, so these tests
 * must not change the links or the notices of the shared context's other tests.
 */
@IntegrationTest
@OwnSpringContext
@TestPropertySource(properties = "chatshare.test.context=sharing-policy")
class SharingPolicyTest {

    private static final String UNKNOWN = "/share/AAAAAAAAAAAAAAAAAAAAAA";
    private static final AtomicInteger accountsMade = new AtomicInteger();

    @Autowired
    SharingPolicyService policies;

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
    OwnerNotices notices;

    @Autowired
    AuditLog auditLog;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    String owner;
    String other;

    @BeforeEach
    void twoOwners() {
        int n = accountsMade.incrementAndGet();
        owner = register("policy-owner-" + n);
        other = register("policy-other-" + n);
    }

    @AfterEach
    void reset() {
        clock.reset();
        SignedIn.signOut();
        PolicyFixtures.reset(jdbc);
    }

    private String register(String username) {
        accounts.register(new Registration(username, "Person " + username, "long-enough-password"));
        return username;
    }

    private ShareDetails share(String username, String question, ShareSettings settings) {
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, username, question);
        ShareDetails details = shares.share(ShareRequest.of(conversation.id(), question, ShareVisibility.ANONYMOUS)
                .withSettings(settings));
        SignedIn.signOut();
        return details;
    }

    private static String tokenOf(ShareDetails details) {
        return details.path().substring(ShareToken.PATH_PREFIX.length(), ShareToken.PATH_PREFIX.length()
                + ShareToken.LENGTH);
    }

    private SharingPolicyService.Current current() {
        SignedIn.as(users, "admin");
        try {
            return policies.current();
        } finally {
            SignedIn.signOut();
        }
    }

    private SharingPolicyService.Applied change(Supplier<SharingPolicy> policy) {
        SignedIn.as(users, "admin");
        try {
            return policies.change(policies.current().version(), policy.get());
        } finally {
            SignedIn.signOut();
        }
    }

    private SharingPolicyService.Applied change(SharingPolicy policy) {
        return change(() -> policy);
    }

    private MockHttpServletResponse page(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    private void assertAnswersLikeAnUnknownLink(MockHttpServletResponse response) throws Exception {
        MockHttpServletResponse unknown = page(UNKNOWN);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsByteArray()).isEqualTo(unknown.getContentAsByteArray());
        assertThat(headers(response)).isEqualTo(headers(unknown));
    }

    private static Map<String, List<String>> headers(MockHttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaderNames().stream().sorted().forEach(name -> headers.put(name, response.getHeaders(name)));
        return headers;
    }

    private List<OwnerNotice> policyNoticesOf(String username) {
        SignedIn.as(users, username);
        try {
            return notices.find(0, 50).stream().filter(n -> n.kind() == OwnerNotice.Kind.SHARING_POLICY).toList();
        } finally {
            SignedIn.signOut();
        }
    }

    private ShareSummary ownRow(String username, long shareId) {
        SignedIn.as(users, username);
        try {
            return ownLinks.findOwnLinks(ShareQuery.newestFirst(), 0, 100).stream()
                    .filter(row -> row.shareId() == shareId).findFirst().orElseThrow();
        } finally {
            SignedIn.signOut();
        }
    }

    @Test
    void only_admins_change_the_policy_and_a_refused_change_changes_nothing() {
        SharingPolicyService.Current before = current();
        for (String caller : List.of(owner, "mod")) {
            SignedIn.as(users, caller);
            assertThatThrownBy(() -> policies.change(before.version(), SharingPolicy.OPEN.withAllowPublic(false)
                    .withDefaultAudience(ShareAudience.SIGNED_IN)))
                    .as(caller).isInstanceOf(AuthorizationDeniedException.class);
        }
        SignedIn.signOut();
        assertThatThrownBy(() -> policies.change(before.version(), SharingPolicy.OPEN))
                .as("nobody signed in").isInstanceOf(RuntimeException.class);

        assertThat(current()).isEqualTo(before);
    }

    @Test
    void a_change_is_audited_with_the_admin_and_what_changed_from_what() {
        change(SharingPolicy.OPEN.withMaxExpiry(Duration.ofDays(30)).withDefaultAudience(ShareAudience.SIGNED_IN));

        SignedIn.as(users, "admin");
        List<AuditEntry> entries = auditLog.find(AuditFilter.all().withAction(AuditAction.SHARING_POLICY_CHANGED), 0, 1);
        SignedIn.signOut();
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().actor()).isEqualTo("admin");
        assertThat(entries.getFirst().details())
                .contains("default audience: Anyone with the link → Signed-in users only")
                .contains("maximum expiry: none → 30 days")
                .doesNotContain("public links:");
        assertThat(current().changedBy()).isEqualTo("admin");
        assertThat(current().policy().defaultAudience()).isEqualTo(ShareAudience.SIGNED_IN);
    }

    @Test
    void preview_cards_forbidden_go_from_every_link_at_once_also_from_a_nodes_memory_and_stay_off() throws Exception {
        ConversationSummary chat = SharingFixtures.answeredConversation(conversations, users, owner, "with a card");
        ShareDetails link = shares.share(ShareRequest.of(chat.id(), "with a card", ShareVisibility.ANONYMOUS)
                .withPreviewCard(true));
        SignedIn.signOut();
        String picture = link.path() + "/card.png";
        for (int i = 0; i < 5; i++) {
            assertThat(page(link.path()).getContentAsString()).contains("og:description");
        }
        assertThat(page(picture).getStatus()).isEqualTo(200);

        change(SharingPolicy.OPEN.withPreviewCardsAllowed(false));

        MockHttpServletResponse after = page(link.path());
        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(after.getContentAsString()).contains("og:title").doesNotContain("og:description", "twitter:");
        assertAnswersLikeAnUnknownLink(page(picture));
        SignedIn.as(users, owner);
        assertThat(shares.findShare(chat.id()).orElseThrow().previewCard()).isFalse();
        assertThatThrownBy(() -> shares.share(ShareRequest.of(chat.id(), "with a card", ShareVisibility.ANONYMOUS)
                .withPreviewCard(true))).isInstanceOf(ShareSettingsException.class)
                .hasMessage(ShareService.PREVIEW_CARDS_OFF_MESSAGE);
        SignedIn.signOut();
        SignedIn.as(users, "admin");
        assertThat(auditLog.find(AuditFilter.all().withAction(AuditAction.SHARING_POLICY_CHANGED), 0, 1)
                .getFirst().details()).contains("preview cards: allowed → not allowed");
        SignedIn.signOut();

        change(SharingPolicy.OPEN);
        assertThat(page(link.path()).getContentAsString()).as("allowed again: the owner turns it on again")
                .doesNotContain("og:description");
    }

    @Test
    void public_links_turned_off_answer_like_unknown_links_at_once_also_from_a_nodes_memory() throws Exception {
        ShareDetails link = share(owner, "public until the policy changes", ShareSettings.ANYONE_FOREVER);
        String token = tokenOf(link);
        assertThat(page(link.path()).getStatus()).isEqualTo(200);
        double lookups = meters.get("chatshare.share.lookup").timer().count();
        for (int i = 0; i < 10; i++) {
            assertThat(page(link.path()).getStatus()).isEqualTo(200);
        }
        // Served from this node's memory (not asked of the database each time) before the change.
        assertThat(meters.get("chatshare.share.lookup").timer().count() - lookups).isLessThan(10);

        SharingPolicyService.Applied applied = change(SharingPolicy.OPEN.withAllowPublic(false)
                .withDefaultAudience(ShareAudience.SIGNED_IN));

        assertThat(applied.linksMadeSignedIn()).isPositive();
        assertAnswersLikeAnUnknownLink(page(link.path()));
        assertAnswersLikeAnUnknownLink(page(link.path() + ".md"));
        // Signed-in users are now the widest audience: they still read it on the signed-in page.
        SignedIn.as(users, other);
        assertThat(sharedChats.findSnapshot(token)).isPresent();
        assertThat(sharedChats.findPublicSnapshot(token)).isEmpty();
        SignedIn.signOut();
        ShareSummary row = ownRow(owner, link.shareId());
        assertThat(row.audience()).as("the owner's grid shows what holds").isEqualTo(ShareAudience.SIGNED_IN);
        assertThat(row.path()).isEqualTo(ShareToken.pathOf(token, ShareAudience.SIGNED_IN));
    }

    @Test
    void a_policy_change_made_on_another_node_reaches_this_nodes_memory_through_the_feed() throws Exception {
        ShareDetails link = share(owner, "public, remembered here", ShareSettings.ANYONE_FOREVER);
        assertThat(page(link.path()).getStatus()).isEqualTo(200);
        assertThat(page(link.path()).getStatus()).isEqualTo(200);

        // What another node's policy change commits: the links changed and one feed row for all of them.
        transactions.executeWithoutResult(tx -> {
            jdbc.update("update share_link set audience = 'SIGNED_IN' where id = ?", link.shareId());
            jdbc.update("insert into share_revocation (token, revoked_at) values ('*', now(6))");
        });

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status = page(link.path()).getStatus();
        while (status != 404 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = page(link.path()).getStatus();
        }
        assertThat(status).isEqualTo(404);
    }

    @Test
    void each_owner_whose_links_changed_gets_one_notice_naming_them() {
        ShareDetails first = share(owner, "Alpha", ShareSettings.ANYONE_FOREVER);
        share(owner, "Beta", ShareSettings.ANYONE_FOREVER);
        share(owner, "Gamma", ShareSettings.ANYONE_FOREVER);
        share(owner, "Delta", ShareSettings.ANYONE_FOREVER);
        share(other, "Only signed in", new ShareSettings(ShareAudience.SIGNED_IN, List.of(), null));
        String third = register("policy-third-" + accountsMade.incrementAndGet());
        share(third, "Epsilon", ShareSettings.ANYONE_FOREVER);

        SharingPolicyService.Applied applied = change(SharingPolicy.OPEN.withAllowPublic(false)
                .withDefaultAudience(ShareAudience.SIGNED_IN));

        List<OwnerNotice> mine = policyNoticesOf(owner);
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().shareId()).isNull();
        assertThat(mine.getFirst().read()).isFalse();
        assertThat(mine.getFirst().message()).contains("4 of your links (“Delta”, “Gamma”, “Beta” and 1 more)")
                .contains("signed-in users only").contains("/view");
        assertThat(policyNoticesOf(third)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("your link “Epsilon” now opens"));
        assertThat(policyNoticesOf(other)).as("nothing of theirs changed").isEmpty();
        assertThat(applied.ownersNotified()).isGreaterThanOrEqualTo(2);
        SignedIn.as(users, owner);
        assertThat(notices.countUnread()).isEqualTo(1);
        SignedIn.signOut();
        assertThat(ownRow(owner, first.shareId()).audience()).isEqualTo(ShareAudience.SIGNED_IN);
    }

    @Test
    void public_links_allowed_again_leave_the_changed_links_signed_in_and_allow_new_public_ones() throws Exception {
        ShareDetails link = share(owner, "off and on again", ShareSettings.ANYONE_FOREVER);
        change(SharingPolicy.OPEN.withAllowPublic(false).withDefaultAudience(ShareAudience.SIGNED_IN));

        change(SharingPolicy.OPEN);

        assertAnswersLikeAnUnknownLink(page(link.path()));
        assertThat(ownRow(owner, link.shareId()).audience()).isEqualTo(ShareAudience.SIGNED_IN);
        assertThat(policyNoticesOf(owner)).as("nothing was taken away this time").hasSize(1);
        // The owner may make it public again, by their own act.
        SignedIn.as(users, owner);
        ownLinks.changeAudience(Set.of(link.shareId()), ShareAudience.ANYONE);
        SignedIn.signOut();
        assertThat(page(link.path()).getStatus()).isEqualTo(200);
    }

    @Test
    void the_service_refuses_a_public_link_while_public_links_are_off_whatever_the_dialog_offered() {
        ShareDetails signedIn = share(owner, "already signed in",
                new ShareSettings(ShareAudience.SIGNED_IN, List.of(), null));
        change(SharingPolicy.OPEN.withAllowPublic(false).withDefaultAudience(ShareAudience.SIGNED_IN));
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, owner, "new one");

        assertThatThrownBy(() -> shares.share(ShareRequest.of(conversation.id(), "new one", ShareVisibility.ANONYMOUS)
                .withSettings(ShareSettings.ANYONE_FOREVER)))
                .isInstanceOfSatisfying(ShareSettingsException.class,
                        e -> assertThat(e.setting()).isEqualTo(ShareSettingsException.Setting.AUDIENCE))
                .hasMessage(ShareService.PUBLIC_LINKS_OFF_MESSAGE);
        assertThatThrownBy(() -> ownLinks.changeAudience(Set.of(signedIn.shareId()), ShareAudience.ANYONE))
                .isInstanceOf(ShareSettingsException.class).hasMessage(ShareService.PUBLIC_LINKS_OFF_MESSAGE);
        assertThat(shares.preview(conversation.id()).settings().audience()).isEqualTo(ShareAudience.SIGNED_IN);
        assertThat(shares.sharingPolicy().audiences()).containsExactly(ShareAudience.SIGNED_IN, ShareAudience.PEOPLE);

        ShareDetails byDefault = shares.share(ShareRequest.of(conversation.id(), "new one", ShareVisibility.ANONYMOUS));
        assertThat(byDefault.settings().audience()).as("the policy's default").isEqualTo(ShareAudience.SIGNED_IN);
        assertThat(ownRow(owner, signedIn.shareId()).audience()).isEqualTo(ShareAudience.SIGNED_IN);
    }

    @Test
    void a_new_maximum_brings_longer_expiries_down_to_it_and_refuses_longer_ones() throws Exception {
        ShareDetails forever = share(owner, "never expires", ShareSettings.ANYONE_FOREVER);
        ShareDetails month = share(owner, "a month",
                ShareSettings.ANYONE_FOREVER.withExpiresAt(clock.instant().plus(Duration.ofDays(30))));
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        ShareDetails soon = share(owner, "tomorrow", ShareSettings.ANYONE_FOREVER.withExpiresAt(tomorrow));
        assertThat(page(month.path()).getStatus()).isEqualTo(200);

        Instant before = clock.instant();
        SharingPolicyService.Applied applied = change(SharingPolicy.OPEN.withMaxExpiry(Duration.ofDays(7)));

        assertThat(applied.expiriesShortened()).isPositive();
        assertThat(ownRow(owner, month.shareId()).expiresAt())
                .isBetween(before.plus(Duration.ofDays(7)), clock.instant().plus(Duration.ofDays(7)));
        assertThat(ownRow(owner, soon.shareId()).expiresAt()).as("already within it").isEqualTo(tomorrow);
        assertThat(ownRow(owner, forever.shareId()).expiresAt()).as("“Never” is still allowed").isNull();
        assertThat(policyNoticesOf(owner)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("expire within 7 days")
                        .contains("your link “a month” now expires on"));
        assertThat(page(month.path()).getStatus()).as("still public until then").isEqualTo(200);

        change(SharingPolicy.OPEN.withMaxExpiry(Duration.ofDays(7)).withRequireExpiry(true));
        assertThat(ownRow(owner, forever.shareId()).expiresAt()).as("now that every link must expire")
                .isBetween(before.plus(Duration.ofDays(7)), clock.instant().plus(Duration.ofDays(7)));
        assertThat(policyNoticesOf(owner)).hasSize(2);

        clock.advance(Duration.ofDays(8));
        assertAnswersLikeAnUnknownLink(page(month.path()));
        assertAnswersLikeAnUnknownLink(page(forever.path()));

        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, owner, "long");
        assertThatThrownBy(() -> shares.share(ShareRequest.of(conversation.id(), "long", ShareVisibility.ANONYMOUS)
                .withSettings(ShareSettings.ANYONE_FOREVER.withExpiresAt(clock.instant().plus(Duration.ofDays(8))))))
                .isInstanceOf(ShareSettingsException.class)
                .hasMessage("Links on this server expire at most 7 days from now. Choose an earlier expiry.");
        assertThat(shares.expiryPolicy()).isEqualTo(new ExpiryPolicy(Duration.ofDays(7), true));
    }

    @Test
    void anyone_as_default_with_public_links_off_is_refused_and_nothing_changes() {
        ShareDetails link = share(owner, "stays public", ShareSettings.ANYONE_FOREVER);
        SharingPolicyService.Current before = current();

        assertThatThrownBy(() -> change(SharingPolicy.OPEN.withAllowPublic(false)))
                .isInstanceOfSatisfying(SharingPolicyException.class,
                        e -> assertThat(e.field()).isEqualTo(SharingPolicyException.Field.DEFAULT_AUDIENCE))
                .hasMessage(SharingPolicyService.DEFAULT_NOT_ALLOWED);
        assertThatThrownBy(() -> change(SharingPolicy.OPEN.withDefaultAudience(ShareAudience.PEOPLE)))
                .isInstanceOf(SharingPolicyException.class).hasMessage(SharingPolicyService.DEFAULT_NOT_OFFERED);

        assertThat(current()).isEqualTo(before);
        assertThat(ownRow(owner, link.shareId()).audience()).isEqualTo(ShareAudience.ANYONE);
    }

    @Test
    void a_save_from_a_form_opened_before_another_admins_save_is_refused() {
        int opened = current().version();
        change(SharingPolicy.OPEN.withRequireExpiry(true));

        SignedIn.as(users, "admin");
        assertThatThrownBy(() -> policies.change(opened, SharingPolicy.OPEN.withMaxExpiry(Duration.ofDays(1))))
                .isInstanceOfSatisfying(SharingPolicyException.class,
                        e -> assertThat(e.field()).isEqualTo(SharingPolicyException.Field.FORM))
                .hasMessage(SharingPolicyService.CHANGED_MEANWHILE);
        SignedIn.signOut();
        assertThat(current().policy()).isEqualTo(SharingPolicy.OPEN.withRequireExpiry(true));
    }
}
