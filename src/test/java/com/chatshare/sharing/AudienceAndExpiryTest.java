package com.chatshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.TestClock;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who can open a link and until when (issue 14): each audience tried by an anonymous viewer,
 * another signed-in user, a listed user and the owner; expiry with the application's clock moved
 * past it; the public page's 404 the same bytes and headers as an unknown token's every time.
 */
@IntegrationTest
class AudienceAndExpiryTest {

    private static final String UNKNOWN = "/share/AAAAAAAAAAAAAAAAAAAAAA";
    private static final AtomicInteger accountsMade = new AtomicInteger();

    @Autowired
    ShareService shares;

    @Autowired
    OwnLinksService ownLinks;

    @Autowired
    SharedChatService sharedChats;

    @Autowired
    ShareModeration moderation;

    @Autowired
    ConversationService conversations;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    String owner;
    String friend;
    String stranger;

    @BeforeEach
    void threeAccounts() {
        int n = accountsMade.incrementAndGet();
        owner = register("owner-" + n);
        friend = register("friend-" + n);
        stranger = register("stranger-" + n);
    }

    @AfterEach
    void reset() {
        clock.reset();
        SignedIn.signOut();
    }

    private String register(String username) {
        accounts.register(new Registration(username, "Person " + username, "long-enough-password"));
        return username;
    }

    private ShareDetails share(String question, ShareSettings settings) {
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, owner, question);
        ShareDetails details = shares.share(ShareRequest.of(conversation.id(), question, ShareVisibility.ANONYMOUS)
                .withSettings(settings));
        SignedIn.signOut();
        return details;
    }

    private static String tokenOf(ShareDetails details) {
        return details.path().substring(ShareToken.PATH_PREFIX.length(), ShareToken.PATH_PREFIX.length()
                + ShareToken.LENGTH);
    }

    private MockHttpServletResponse publicPage(ShareDetails details, RequestPostProcessor... viewer) throws Exception {
        var request = get(ShareToken.pathOf(tokenOf(details)));
        for (RequestPostProcessor processor : viewer) {
            request = request.with(processor);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** The answer to a token nobody ever had, and to every token the page must not show. */
    private void assertAnswersLikeAnUnknownLink(MockHttpServletResponse response) throws Exception {
        MockHttpServletResponse unknown = mvc.perform(get(UNKNOWN)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsByteArray()).isEqualTo(unknown.getContentAsByteArray());
        assertThat(headers(response)).isEqualTo(headers(unknown));
    }

    private static Map<String, List<String>> headers(MockHttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaderNames().stream().sorted().forEach(name -> headers.put(name, response.getHeaders(name)));
        return headers;
    }

    private Set<Long> asOwner(java.util.function.Supplier<Set<Long>> action) {
        SignedIn.as(users, owner);
        try {
            return action.get();
        } finally {
            SignedIn.signOut();
        }
    }

    @Test
    void a_new_link_is_for_anyone_and_never_expires_unless_the_owner_says_otherwise() throws Exception {
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, owner, "defaults");
        SharePreview preview = shares.preview(conversation.id());
        assertThat(preview.settings()).isEqualTo(ShareSettings.ANYONE_FOREVER);

        ShareDetails details = shares.share(ShareRequest.of(conversation.id(), "defaults", ShareVisibility.ANONYMOUS));
        SignedIn.signOut();

        assertThat(details.settings()).isEqualTo(ShareSettings.ANYONE_FOREVER);
        assertThat(details.path()).isEqualTo(ShareToken.pathOf(tokenOf(details)));
        assertThat(publicPage(details).getStatus()).isEqualTo(200);
    }

    @Test
    void a_signed_in_only_link_is_unknown_to_the_public_page_and_open_to_every_signed_in_user() throws Exception {
        ShareDetails details = share("signed in only", new ShareSettings(ShareAudience.SIGNED_IN, List.of(), null));
        String token = tokenOf(details);

        assertThat(details.path()).isEqualTo("/share/" + token + "/view");
        assertAnswersLikeAnUnknownLink(publicPage(details));
        assertAnswersLikeAnUnknownLink(publicPage(details, user(stranger).roles("USER")));
        assertThat(moderation.reportableTitle(token)).as("the public report form knows it not").isEmpty();

        SignedIn.as(users, stranger);
        assertThat(sharedChats.findPublicSnapshot(token)).isEmpty();
        for (String viewer : List.of(stranger, friend, owner)) {
            SignedIn.as(users, viewer);
            assertThat(sharedChats.findSnapshot(token)).as(viewer).map(PublicSnapshot::title).contains("signed in only");
        }
        SignedIn.as(users, stranger);
        assertThat(sharedChats.continueConversation(token).importedFromShare()).isTrue();
    }

    @Test
    void a_link_for_specific_people_opens_for_them_and_the_owner_only() throws Exception {
        ShareDetails details = share("for a friend",
                new ShareSettings(ShareAudience.PEOPLE, List.of(" " + friend.toUpperCase() + " "), null));
        String token = tokenOf(details);

        assertThat(details.settings().people()).as("stored as the account's username").containsExactly(friend);
        assertAnswersLikeAnUnknownLink(publicPage(details));
        assertAnswersLikeAnUnknownLink(publicPage(details, user(friend).roles("USER")));

        SignedIn.as(users, friend);
        assertThat(sharedChats.findSnapshot(token)).isPresent();
        assertThat(sharedChats.continueConversation(token).importedFromShare()).isTrue();
        SignedIn.as(users, owner);
        assertThat(sharedChats.findSnapshot(token)).isPresent();

        SignedIn.as(users, stranger);
        assertThat(sharedChats.findSnapshot(token)).isEqualTo(sharedChats.findSnapshot("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThatThrownBy(() -> sharedChats.continueConversation(token))
                .isInstanceOf(ShareException.class).hasMessage(SharedChatService.NOT_AVAILABLE_MESSAGE);
        assertThatThrownBy(() -> sharedChats.continueConversation("AAAAAAAAAAAAAAAAAAAAAA"))
                .isInstanceOf(ShareException.class).hasMessage(SharedChatService.NOT_AVAILABLE_MESSAGE);
    }

    @Test
    void people_must_be_existing_accounts_at_most_fifty_and_at_least_one() {
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, owner, "who");

        assertThatThrownBy(() -> shares.share(ShareRequest.of(conversation.id(), "who", ShareVisibility.ANONYMOUS)
                .withSettings(new ShareSettings(ShareAudience.PEOPLE, List.of(friend, "nobody-here", "ghost"), null))))
                .isInstanceOfSatisfying(ShareSettingsException.class,
                        e -> assertThat(e.setting()).isEqualTo(ShareSettingsException.Setting.PEOPLE))
                .hasMessage("There are no accounts named nobody-here, ghost. Check the usernames.");
        assertThatThrownBy(() -> shares.share(ShareRequest.of(conversation.id(), "who", ShareVisibility.ANONYMOUS)
                .withSettings(new ShareSettings(ShareAudience.PEOPLE, List.of(" "), null))))
                .isInstanceOf(ShareSettingsException.class).hasMessageContaining("at least one person");
        List<String> fiftyOne = IntStream.rangeClosed(1, 51).mapToObj(i -> "someone-" + i).toList();
        assertThatThrownBy(() -> shares.share(ShareRequest.of(conversation.id(), "who", ShareVisibility.ANONYMOUS)
                .withSettings(new ShareSettings(ShareAudience.PEOPLE, fiftyOne, null))))
                .isInstanceOf(ShareSettingsException.class).hasMessageContaining("at most 50 people");
        assertThat(shares.findShare(conversation.id())).as("nothing was shared").isEmpty();

        ShareDetails details = shares.share(ShareRequest.of(conversation.id(), "who", ShareVisibility.ANONYMOUS)
                .withSettings(new ShareSettings(ShareAudience.PEOPLE, List.of(friend, owner), null)));
        assertThat(details.settings().people()).as("the owner needs no place on the list").containsExactly(friend);
    }

    @Test
    void the_people_field_suggests_existing_usernames_from_two_letters_on() {
        SignedIn.as(users, owner);

        assertThat(shares.suggestPeople(friend.substring(0, 8))).contains(friend).doesNotContain(stranger);
        assertThat(shares.suggestPeople("f")).isEmpty();
        assertThat(shares.suggestPeople("%")).isEmpty();
        assertThat(shares.suggestPeople("fr%")).isEmpty();
    }

    @Test
    void a_changed_audience_acts_on_the_next_request_also_where_the_page_was_remembered() throws Exception {
        ShareDetails details = share("narrowed later", ShareSettings.ANYONE_FOREVER);
        assertThat(publicPage(details).getStatus()).isEqualTo(200);
        assertThat(publicPage(details).getStatus()).as("now answered from this node's memory").isEqualTo(200);

        SignedIn.as(users, owner);
        shares.share(ShareRequest.of(details.conversationId(), "narrowed later", ShareVisibility.ANONYMOUS)
                .withSettings(new ShareSettings(ShareAudience.PEOPLE, List.of(friend), null)));
        SignedIn.signOut();
        assertAnswersLikeAnUnknownLink(publicPage(details));

        asOwner(() -> {
            ownLinks.changeAudience(Set.of(details.shareId()), ShareAudience.ANYONE);
            return Set.of();
        });
        assertThat(publicPage(details).getStatus()).isEqualTo(200);

        asOwner(() -> {
            ownLinks.changeAudience(Set.of(details.shareId()), ShareAudience.SIGNED_IN);
            return Set.of();
        });
        assertAnswersLikeAnUnknownLink(publicPage(details));
        SignedIn.as(users, friend);
        assertThat(sharedChats.findSnapshot(tokenOf(details))).as("signed-in users now, not only the listed ones")
                .isPresent();
    }

    @Test
    void after_its_expiry_a_link_answers_like_a_deleted_one_everywhere_and_the_owner_can_renew_it() throws Exception {
        ShareDetails details = share("for a day",
                ShareSettings.ANYONE_FOREVER.withExpiresAt(clock.instant().plus(Duration.ofDays(1))));
        ShareDetails forFriend = share("friend for a day", new ShareSettings(ShareAudience.PEOPLE, List.of(friend),
                clock.instant().plus(Duration.ofDays(1))));
        assertThat(publicPage(details).getStatus()).isEqualTo(200);

        clock.advance(Duration.ofDays(1).plusSeconds(1));

        assertAnswersLikeAnUnknownLink(publicPage(details));
        assertThat(moderation.reportableTitle(tokenOf(details))).isEmpty();
        SignedIn.as(users, friend);
        assertThat(sharedChats.findSnapshot(tokenOf(forFriend))).isEmpty();
        assertThatThrownBy(() -> sharedChats.continueConversation(tokenOf(details)))
                .isInstanceOf(ShareException.class).hasMessage(SharedChatService.NOT_AVAILABLE_MESSAGE);
        SignedIn.as(users, owner);
        assertThat(sharedChats.findSnapshot(tokenOf(details))).as("the owner too").isEmpty();
        List<ShareSummary> expired = ownLinks.findOwnLinks(ShareQuery.newestFirst()
                .withExpiry(ShareQuery.ExpiryFilter.EXPIRED), 0, 10);
        assertThat(expired).extracting(ShareSummary::title).containsExactlyInAnyOrder("for a day", "friend for a day");
        assertThat(expired).allMatch(ShareSummary::expired);
        assertThat(ownLinks.findOwnLinks(ShareQuery.newestFirst().withExpiry(ShareQuery.ExpiryFilter.EXPIRING), 0, 10))
                .isEmpty();
        assertThat(shares.findShare(details.conversationId()).orElseThrow().expired()).isTrue();

        assertThat(ownLinks.expireIn(Set.of(details.shareId(), forFriend.shareId()), Duration.ofDays(7))).isEqualTo(2);
        SignedIn.signOut();

        assertThat(publicPage(details).getStatus()).isEqualTo(200);
        SignedIn.as(users, friend);
        assertThat(sharedChats.findSnapshot(tokenOf(forFriend))).isPresent();
        SignedIn.as(users, owner);
        assertThat(ownLinks.findOwnLinks(ShareQuery.newestFirst().withExpiry(ShareQuery.ExpiryFilter.EXPIRING), 0, 10))
                .extracting(ShareSummary::title).containsExactlyInAnyOrder("for a day", "friend for a day");
    }

    @Test
    void an_owners_update_keeps_the_links_audience_and_expiry() throws Exception {
        Instant expiry = clock.instant().plus(Duration.ofDays(3));
        ShareDetails details = share("kept settings", new ShareSettings(ShareAudience.SIGNED_IN, List.of(), expiry));

        SignedIn.as(users, owner);
        ShareDetails updated = shares.share(
                ShareRequest.of(details.conversationId(), "kept settings 2", ShareVisibility.NAMED));

        assertThat(updated.settings().audience()).isEqualTo(ShareAudience.SIGNED_IN);
        assertThat(updated.settings().expiresAt()).isEqualTo(expiry);
        SignedIn.signOut();
        assertAnswersLikeAnUnknownLink(publicPage(details));
    }

    @Test
    void an_expiry_must_be_in_the_future_and_within_the_instances_cap() {
        ConversationSummary conversation = SharingFixtures.answeredConversation(conversations, users, owner, "when");
        assertThatThrownBy(() -> shares.share(ShareRequest.of(conversation.id(), "when", ShareVisibility.ANONYMOUS)
                .withSettings(ShareSettings.ANYONE_FOREVER.withExpiresAt(clock.instant().minusSeconds(1)))))
                .isInstanceOfSatisfying(ShareSettingsException.class,
                        e -> assertThat(e.setting()).isEqualTo(ShareSettingsException.Setting.EXPIRY))
                .hasMessage("Choose an expiry in the future.");

        PolicyFixtures.store(jdbc, new SharingPolicy(true, ShareAudience.ANYONE, Duration.ofDays(30), true));
        try {
            assertThat(shares.expiryPolicy().required()).isTrue();
            assertThatThrownBy(() -> shares.share(
                    ShareRequest.of(conversation.id(), "when", ShareVisibility.ANONYMOUS)))
                    .as("the one-click default needs an expiry here")
                    .isInstanceOf(ShareSettingsException.class)
                    .hasMessage("Links on this server must expire. Choose when, at most 30 days from now.");
            assertThatThrownBy(() -> shares.share(ShareRequest.of(conversation.id(), "when", ShareVisibility.ANONYMOUS)
                    .withSettings(ShareSettings.ANYONE_FOREVER.withExpiresAt(clock.instant().plus(Duration.ofDays(31))))))
                    .isInstanceOf(ShareSettingsException.class)
                    .hasMessage("Links on this server expire at most 30 days from now. Choose an earlier expiry.");
            ShareDetails details = shares.share(ShareRequest.of(conversation.id(), "when", ShareVisibility.ANONYMOUS)
                    .withSettings(ShareSettings.ANYONE_FOREVER.withExpiresAt(clock.instant().plus(Duration.ofDays(30)))));
            assertThatThrownBy(() -> ownLinks.changeExpiry(Set.of(details.shareId()), null))
                    .isInstanceOf(ShareSettingsException.class);
        } finally {
            PolicyFixtures.reset(jdbc);
        }
    }

    @Test
    void bulk_changes_touch_only_the_callers_links_or_nothing() throws Exception {
        ShareDetails mine = share("bulk mine", ShareSettings.ANYONE_FOREVER);
        ShareDetails alsoMine = share("bulk also mine", ShareSettings.ANYONE_FOREVER);
        ShareDetails theirs = SharingFixtures.share(shares, conversations, users, stranger, "bulk theirs",
                ShareVisibility.ANONYMOUS);
        SignedIn.signOut();

        SignedIn.as(users, owner);
        assertThatThrownBy(() -> ownLinks.changeAudience(Set.of(mine.shareId(), theirs.shareId()),
                ShareAudience.SIGNED_IN)).isInstanceOf(ShareException.class).hasMessageContaining("Nothing was changed");
        assertThatThrownBy(() -> ownLinks.expireIn(Set.of(theirs.shareId()), Duration.ofDays(1)))
                .isInstanceOf(ShareException.class);
        assertThatThrownBy(() -> ownLinks.changeAudience(Set.of(mine.shareId()), ShareAudience.PEOPLE))
                .isInstanceOf(ShareException.class);
        SignedIn.signOut();
        assertThat(publicPage(mine).getStatus()).isEqualTo(200);
        assertThat(publicPage(theirs).getStatus()).isEqualTo(200);

        SignedIn.as(users, owner);
        assertThat(ownLinks.changeAudience(Set.of(mine.shareId(), alsoMine.shareId()), ShareAudience.SIGNED_IN))
                .isEqualTo(2);
        assertThat(ownLinks.findOwnLinks(ShareQuery.newestFirst().withAudience(ShareAudience.SIGNED_IN), 0, 10))
                .extracting(ShareSummary::title).containsExactlyInAnyOrder("bulk mine", "bulk also mine");
        assertThat(ownLinks.findOwnLinks(ShareQuery.newestFirst().withAudience(ShareAudience.ANYONE), 0, 10)).isEmpty();
        SignedIn.signOut();
        assertAnswersLikeAnUnknownLink(publicPage(mine));
        assertAnswersLikeAnUnknownLink(publicPage(alsoMine));
        assertThat(publicPage(theirs).getStatus()).isEqualTo(200);
    }
}
