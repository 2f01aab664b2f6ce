package com.chatshare.sharepage.web;

import static com.chatshare.sharing.SharingFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.TestClock;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.moderation.ModerationService;
import com.chatshare.moderation.ReportReason;
import com.chatshare.sharing.PolicyFixtures;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareSettingsException;
import com.chatshare.sharing.ShareToken;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.SharingPolicy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A link's preview card (decision 0027) through the real filter chain: off by default, refused
 * for restricted links and while the policy forbids cards, the page's tags only while it is on,
 * the same bytes for every reader with an ETag that follows the card, and the card's picture a
 * 1200×630 PNG that answers the page's 404 once the link or its card is gone. This context has
 * no {@code chatshare.public-url}: the card is a {@code summary} without an image address
 * ({@code KnownPageHandlerTest} runs with one).
 */
@IntegrationTest
class PreviewCardTest {

    private static final String UNKNOWN = "/share/AAAAAAAAAAAAAAAAAAAAAA";

    @Autowired
    MockMvc mvc;

    @Autowired
    ShareService shares;

    @Autowired
    ModerationService moderation;

    @Autowired
    ConversationService conversations;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        SignedIn.signOut();
        PolicyFixtures.reset(jdbc);
    }

    @Test
    void a_new_link_has_no_card_and_its_page_carries_og_title_alone() throws Exception {
        ShareDetails link = share("No card unless asked", ShareSettings.ANYONE_FOREVER, ShareRequest.PreviewCard.KEEP);

        assertThat(link.previewCard()).isFalse();
        String page = body(link.path());
        assertThat(page).contains("<meta property=\"og:title\" content=\"No card unless asked\">")
                .doesNotContain("og:description", "og:image", "twitter:", "og:type");
        assertThat(status(link.path() + PreviewCards.IMAGE_SUFFIX)).isEqualTo(404);
    }

    @Test
    void a_card_turned_on_is_stored_and_the_page_carries_its_tags() throws Exception {
        ShareDetails link = share("Posted with a card", ShareSettings.ANYONE_FOREVER, ShareRequest.PreviewCard.ON);

        assertThat(link.previewCard()).isTrue();
        assertThat(ownLink(link).previewCard()).as("read back").isTrue();
        String page = body(link.path());
        assertThat(page).contains(
                "<meta property=\"og:type\" content=\"article\">",
                "<meta property=\"og:title\" content=\"Posted with a card\">",
                "<meta property=\"og:description\" content=\"A conversation shared on Chatshare\">",
                "<meta property=\"og:site_name\" content=\"Chatshare\">",
                "<meta name=\"twitter:title\" content=\"Posted with a card\">",
                // No chatshare.public-url here: no address can be made that is the same for every reader.
                "<meta name=\"twitter:card\" content=\"summary\">");
        assertThat(page).doesNotContain("og:url", "og:image", "twitter:image");
        assertThat(page.indexOf("og:title")).as("og:title once").isEqualTo(page.lastIndexOf("og:title"));
    }

    @Test
    void an_update_keeps_the_card_and_the_owner_turns_it_off() {
        ShareDetails link = share("Card kept by an Update", ShareSettings.ANYONE_FOREVER, ShareRequest.PreviewCard.ON);

        SignedIn.as(users, "alice");
        assertThat(shares.share(ShareRequest.of(link.conversationId(), "Card kept by an Update",
                ShareVisibility.ANONYMOUS)).previewCard()).as("an Update from the links grid").isTrue();
        assertThat(shares.share(ShareRequest.of(link.conversationId(), "Card kept by an Update",
                ShareVisibility.ANONYMOUS).withPreviewCard(false)).previewCard()).isFalse();
    }

    @Test
    void a_card_is_refused_for_restricted_links_and_their_pages_carry_no_preview_tags() throws Exception {
        ConversationSummary chat = SharingFixtures.answeredConversation(conversations, users, "alice",
                "Only for signed-in people");
        ShareRequest request = ShareRequest.of(chat.id(), "Only for signed-in people", ShareVisibility.ANONYMOUS)
                .withSettings(new ShareSettings(ShareAudience.SIGNED_IN, List.of(), null));

        assertThatThrownBy(() -> shares.share(request.withPreviewCard(true)))
                .isInstanceOfSatisfying(ShareSettingsException.class, e -> {
                    assertThat(e.setting()).isEqualTo(ShareSettingsException.Setting.PREVIEW_CARD);
                    assertThat(e.getMessage()).isEqualTo(ShareService.PREVIEW_CARD_RESTRICTED_MESSAGE);
                });
        assertThat(shares.findShare(chat.id())).as("nothing shared").isEmpty();

        ShareDetails restricted = shares.share(request);
        assertThat(restricted.previewCard()).isFalse();
        // A public link with a card that becomes signed-in only loses its card.
        ShareDetails narrowed = share("Public first, then narrowed", ShareSettings.ANYONE_FOREVER,
                ShareRequest.PreviewCard.ON);
        SignedIn.as(users, "alice");
        narrowed = shares.share(ShareRequest.of(narrowed.conversationId(), "Public first, then narrowed",
                ShareVisibility.ANONYMOUS).withSettings(new ShareSettings(ShareAudience.SIGNED_IN, List.of(), null)));
        SignedIn.signOut();
        assertThat(narrowed.previewCard()).isFalse();

        for (ShareDetails link : List.of(restricted, narrowed)) {
            String publicPath = ShareToken.pathOf(token(link).substring(0, ShareToken.LENGTH));
            MockHttpServletResponse page = mvc.perform(get(publicPath)).andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(404);
            assertThat(page.getContentAsString()).doesNotContain("og:", "twitter:");
            assertThat(page.getContentAsByteArray()).isEqualTo(bytes(UNKNOWN));
            assertThat(status(publicPath + PreviewCards.IMAGE_SUFFIX)).isEqualTo(404);
        }
    }

    @Test
    void a_card_is_refused_while_the_policy_forbids_cards() {
        PolicyFixtures.store(jdbc, SharingPolicy.OPEN.withPreviewCardsAllowed(false));
        ConversationSummary chat = SharingFixtures.answeredConversation(conversations, users, "alice",
                "Cards are off here");

        assertThatThrownBy(() -> shares.share(ShareRequest.of(chat.id(), "Cards are off here",
                ShareVisibility.ANONYMOUS).withPreviewCard(true)))
                .isInstanceOfSatisfying(ShareSettingsException.class, e -> {
                    assertThat(e.setting()).isEqualTo(ShareSettingsException.Setting.PREVIEW_CARD);
                    assertThat(e.getMessage()).isEqualTo(ShareService.PREVIEW_CARDS_OFF_MESSAGE);
                });
        assertThat(shares.findShare(chat.id())).isEmpty();
        assertThat(shares.sharingPolicy().previewCardsAllowed()).isFalse();
    }

    @Test
    void the_page_is_the_same_bytes_for_every_reader_and_its_etag_follows_the_card() throws Exception {
        ShareDetails link = share("Toggled card", ShareSettings.ANYONE_FOREVER, ShareRequest.PreviewCard.ON);
        MockHttpServletResponse first = mvc.perform(get(link.path()).header("Host", "evil.example")
                .header("User-Agent", "Slackbot-LinkExpanding 1.0")).andReturn().getResponse();
        MockHttpServletResponse second = mvc.perform(get(link.path()).header("Accept-Language", "de")
                .secure(true)).andReturn().getResponse();
        assertThat(first.getContentAsByteArray()).isEqualTo(second.getContentAsByteArray());
        assertThat(first.getHeader("ETag")).isEqualTo(second.getHeader("ETag"));
        assertThat(first.getContentAsString()).doesNotContain("evil.example");

        SignedIn.as(users, "alice");
        shares.share(ShareRequest.of(link.conversationId(), "Toggled card", ShareVisibility.ANONYMOUS)
                .withPreviewCard(false));
        SignedIn.signOut();
        MockHttpServletResponse off = mvc.perform(get(link.path())).andReturn().getResponse();
        assertThat(off.getHeader("ETag")).isNotEqualTo(first.getHeader("ETag"));
        assertThat(off.getContentAsString()).contains("og:title").doesNotContain("og:description", "twitter:");
        assertThat(mvc.perform(get(link.path()).header("If-None-Match", first.getHeader("ETag")))
                .andReturn().getResponse().getStatus()).as("the old tag is not revalidated").isEqualTo(200);
    }

    @Test
    void the_cards_picture_is_a_1200_by_630_png_while_the_card_is_on() throws Exception {
        ShareDetails link = share("A picture of the title", ShareSettings.ANYONE_FOREVER, ShareRequest.PreviewCard.ON);
        String picture = link.path() + PreviewCards.IMAGE_SUFFIX;
        assertThat(java.awt.GraphicsEnvironment.isHeadless()).as("Spring Boot starts AWT headless").isTrue();

        MockHttpServletResponse response = mvc.perform(get(picture + "?v=1")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("image/png");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getCookies()).isEmpty();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.getContentAsByteArray()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
        String etag = response.getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(mvc.perform(get(picture).header("If-None-Match", etag)).andReturn().getResponse().getStatus())
                .isEqualTo(304);
        assertThat(mvc.perform(head(picture)).andReturn().getResponse().getStatus()).isEqualTo(200);

        SignedIn.as(users, "alice");
        shares.share(ShareRequest.of(link.conversationId(), "A picture of the title", ShareVisibility.ANONYMOUS)
                .withPreviewCard(false));
        SignedIn.signOut();
        assertAnswersLikeTheUnknownPage(picture);
    }

    @Test
    void the_picture_answers_the_pages_404_after_delete_takedown_and_expiry() throws Exception {
        ShareDetails deleted = share("Deleted with a card", ShareSettings.ANYONE_FOREVER, ShareRequest.PreviewCard.ON);
        ShareDetails takenDown = share("Taken down with a card", ShareSettings.ANYONE_FOREVER,
                ShareRequest.PreviewCard.ON);
        ShareDetails expiring = share("Expiring with a card",
                ShareSettings.ANYONE_FOREVER.withExpiresAt(clock.instant().plus(Duration.ofDays(1))),
                ShareRequest.PreviewCard.ON);
        for (ShareDetails link : List.of(deleted, takenDown, expiring)) {
            assertThat(status(link.path())).isEqualTo(200);
            assertThat(status(link.path() + PreviewCards.IMAGE_SUFFIX)).as(link.title()).isEqualTo(200);
        }

        SignedIn.as(users, "alice");
        shares.deleteShare(deleted.conversationId());
        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(takenDown.shareId()), ReportReason.SPAM_OR_PHISHING, "Spam");
        SignedIn.signOut();
        clock.advance(Duration.ofDays(2));

        for (ShareDetails link : List.of(deleted, takenDown, expiring)) {
            assertAnswersLikeTheUnknownPage(link.path() + PreviewCards.IMAGE_SUFFIX);
        }
        assertThat(status(takenDown.path())).as("the page itself says taken down").isEqualTo(410);
    }

    private void assertAnswersLikeTheUnknownPage(String picture) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(picture)).andReturn().getResponse();
        assertThat(response.getStatus()).as(picture).isEqualTo(404);
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.getContentAsByteArray()).isEqualTo(bytes(UNKNOWN));
    }

    private ShareDetails share(String question, ShareSettings settings, ShareRequest.PreviewCard card) {
        ConversationSummary chat = SharingFixtures.answeredConversation(conversations, users, "alice", question);
        ShareDetails details = shares.share(new ShareRequest(chat.id(), question, ShareVisibility.ANONYMOUS,
                new ShareRequest.Access.Chosen(settings), new ShareRequest.Messages.Keep(), card));
        SignedIn.signOut();
        return details;
    }

    private ShareDetails ownLink(ShareDetails link) {
        SignedIn.as(users, "alice");
        try {
            return shares.findShare(link.conversationId()).orElseThrow();
        } finally {
            SignedIn.signOut();
        }
    }

    private String body(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private byte[] bytes(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsByteArray();
    }

    private int status(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getStatus();
    }
}
