package com.chatshare.sharing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.BrowserClipboard;
import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.TestClock;
import com.chatshare.UserInput;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSettings;
import com.chatshare.sharing.ShareTargets;
import com.chatshare.sharing.ShareVisibility;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.node.BooleanNode;

/** The share dialog's share sheet, used as the owner uses it: it follows the link as it changes. */
class ShareSheetTest extends KaribuTest {

    static final List<String> SOCIAL = List.of("share-to-x", "share-to-linkedin", "share-to-reddit", "share-to-whatsapp");

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    ConversationSummary conversation;

    @BeforeEach
    void aliceWithAConversation() {
        login("alice");
        SignedIn.as(users, "alice");
        conversation = conversations.importConversation("Trail plans & gear " + System.nanoTime(), List.of(
                new ChatTurn(MessageRole.USER, "Which trail on Saturday?"),
                new ChatTurn(MessageRole.ASSISTANT, "The ridge trail.")));
        login("alice");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void no_sheet_before_the_link_exists_then_every_item_with_its_address_once_it_does() {
        open();
        assertThat(_find(Div.class, spec -> spec.withId("share-sheet"))).as("no link yet").isEmpty();

        _click(_get(Button.class, spec -> spec.withId("copy-link")));
        BrowserClipboard.answer(true);

        String url = _get(TextField.class, spec -> spec.withId("share-url")).getValue();
        String title = conversation.title();
        assertThat(url).startsWith("http").endsWith(shared().path());
        assertThat(anchor("share-to-email").getHref()).isEqualTo(ShareTargets.email(url, title).href())
                .startsWith("mailto:?subject=Trail%20plans%20%26%20gear%20");
        assertThat(anchor("share-to-email").getElement().getAttribute("target")).as("the mail program, no tab").isNull();
        assertThat(anchor("share-to-x").getHref()).isEqualTo(ShareTargets.x(url, title).href())
                .startsWith("https://x.com/intent/post?text=");
        assertThat(anchor("share-to-linkedin").getHref()).isEqualTo(ShareTargets.linkedIn(url).href());
        assertThat(anchor("share-to-reddit").getHref()).isEqualTo(ShareTargets.reddit(url, title).href());
        assertThat(anchor("share-to-whatsapp").getHref()).isEqualTo(ShareTargets.whatsApp(url, title).href())
                .startsWith("https://wa.me/?text=");
        for (String id : SOCIAL) {
            assertThat(anchor(id).getElement().getAttribute("target")).as(id).isEqualTo("_blank");
            assertThat(anchor(id).getElement().getAttribute("rel")).as(id).isEqualTo("noopener noreferrer");
        }
        assertThat(List.of("share-to-email", "share-to-x", "share-to-linkedin", "share-to-reddit", "share-to-whatsapp"))
                .extracting(id -> anchor(id).getAriaLabel().orElseThrow())
                .containsExactly("Share by email", "Share on X", "Share on LinkedIn", "Share on Reddit",
                        "Share on WhatsApp");
        assertThat(_find(Paragraph.class, spec -> spec.withId("share-sheet-note"))).as("a public link: no line").isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("share-system")))
                .as("the browser has not said it has navigator.share").isEmpty();
    }

    @Test
    void the_qr_code_button_shows_the_image_and_a_download_named_after_the_title() {
        sharedNow(ShareSettings.ANYONE_FOREVER);
        open();
        assertThat(_find(Image.class, spec -> spec.withId("share-qr-image"))).isEmpty();

        Button qr = _get(Button.class, spec -> spec.withId("share-qr"));
        _click(qr);

        Image image = _get(Image.class, spec -> spec.withId("share-qr-image"));
        assertThat(image.getSrc()).as("served by the app").isNotBlank().doesNotStartWith("http").doesNotStartWith("data:");
        assertThat(image.getAlt().orElseThrow()).isEqualTo("QR code of " + url());
        Anchor download = anchor("share-qr-download");
        assertThat(download.isDownload()).isTrue();
        assertThat(download.getHref()).isNotBlank();
        assertThat(qr.getElement().getAttribute("aria-expanded")).isEqualTo("true");

        _click(qr);
        assertThat(_find(Image.class, spec -> spec.withId("share-qr-image"))).as("the button hides it again").isEmpty();
        assertThat(qr.getElement().getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void a_link_changed_to_signed_in_users_offers_email_and_the_qr_code_only_with_a_line() {
        sharedNow(ShareSettings.ANYONE_FOREVER);
        open();
        assertThat(_find(Anchor.class, spec -> spec.withId("share-to-x"))).hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("share-qr")));
        assertThat(_get(Image.class, spec -> spec.withId("share-qr-image")).getAlt()).hasValueSatisfying(alt ->
                assertThat(alt).doesNotEndWith("/view"));
        UserInput.enter(audience(), ShareAudience.SIGNED_IN);
        // Not saved yet: the public address would close on Update, so nothing sends it meanwhile.
        assertThat(hrefsInTheSheet().keySet()).noneMatch(id -> id.startsWith("share-to-"));
        assertThat(_find(Button.class, spec -> spec.withId("share-qr"))).isEmpty();
        assertThat(_find(Image.class, spec -> spec.withId("share-qr-image"))).as("the open QR code closed").isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("share-sheet-note")).getText())
                .isEqualTo(ShareSheet.UPDATE_FIRST);
        _click(_get(Button.class, spec -> spec.withId("copy-link")));
        BrowserClipboard.answer(true);

        assertThat(url()).endsWith("/view");
        _click(_get(Button.class, spec -> spec.withId("share-qr")));
        assertThat(_get(Image.class, spec -> spec.withId("share-qr-image")).getAlt())
                .as("the QR code is the new address").hasValue("QR code of " + url());
        for (String id : SOCIAL) {
            assertThat(_find(Anchor.class, spec -> spec.withId(id))).as(id).isEmpty();
        }
        assertThat(hrefsInTheSheet().keySet()).as("not even hidden in the page")
                .filteredOn(id -> id.startsWith("share-to-")).containsExactly("share-to-email");
        assertThat(anchor("share-to-email").getHref()).isEqualTo(ShareTargets.email(url(), conversation.title()).href());
        assertThat(_find(Button.class, spec -> spec.withId("share-qr"))).hasSize(1);
        assertThat(_get(Paragraph.class, spec -> spec.withId("share-sheet-note")).getText())
                .isEqualTo(ShareTargets.ONLY_SIGNED_IN);
    }

    @Test
    void a_link_for_listed_people_offers_email_and_the_qr_code_only_with_a_line() {
        sharedNow(new ShareSettings(ShareAudience.PEOPLE, List.of("bob"), null));
        open();

        for (String id : SOCIAL) {
            assertThat(_find(Anchor.class, spec -> spec.withId(id))).as(id).isEmpty();
        }
        assertThat(anchor("share-to-email").getHref()).startsWith("mailto:");
        assertThat(_get(Paragraph.class, spec -> spec.withId("share-sheet-note")).getText())
                .isEqualTo(ShareTargets.ONLY_PEOPLE);
    }

    @Test
    void an_expired_link_has_no_sheet_until_it_is_renewed() {
        sharedNow(ShareSettings.ANYONE_FOREVER.withExpiresAt(clock.instant().plus(Duration.ofDays(1))));
        clock.advance(Duration.ofDays(2));
        open();

        assertThat(_get(Div.class, spec -> spec.withId("share-status")).getElement().getTextRecursively()).startsWith("Expired");
        assertThat(_find(Div.class, spec -> spec.withId("share-sheet"))).isEmpty();

        @SuppressWarnings("unchecked")
        Select<ShareAccessFields.Expiry> expires = _get(Select.class, spec -> spec.withId("share-expires"));
        UserInput.enter(expires, ShareAccessFields.Expiry.MONTH);
        _click(_get(Button.class, spec -> spec.withId("copy-link")));
        BrowserClipboard.answer(true);

        assertThat(anchor("share-to-x").getHref()).isEqualTo(ShareTargets.x(url(), conversation.title()).href());
    }

    @Test
    void a_taken_down_link_has_no_sheet() {
        ShareDetails details = sharedNow(ShareSettings.ANYONE_FOREVER);
        jdbc.update("update share_link set status = 'TAKEN_DOWN', takedown_reason = 'Spam' where id = ?",
                details.shareId());
        open();

        assertThat(_get(Div.class, spec -> spec.withId("share-status")).getElement().getTextRecursively()).startsWith("Taken down");
        assertThat(_find(Div.class, spec -> spec.withId("share-sheet"))).isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withId("share-to-email"))).isEmpty();
    }

    @Test
    void deleting_the_link_takes_the_sheet_away() {
        sharedNow(ShareSettings.ANYONE_FOREVER);
        open();
        _click(_get(Button.class, spec -> spec.withId("share-qr")));
        assertThat(_find(Div.class, spec -> spec.withId("share-sheet"))).hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("delete-link")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("delete-link-confirm")));

        assertThat(_find(Div.class, spec -> spec.withId("share-sheet"))).isEmpty();
        assertThat(_find(Image.class, spec -> spec.withId("share-qr-image"))).isEmpty();
    }

    @Test
    void share_appears_where_the_browser_has_navigator_share_and_only_for_a_public_link() {
        sharedNow(ShareSettings.ANYONE_FOREVER);
        open();
        // Answered at once: Karibu's next look-up would take the question as sent, unanswered.
        browserHasNavigatorShare(true);

        Button share = _get(Button.class, spec -> spec.withId("share-system"));
        assertThat(share.getText()).isEqualTo(ShareSheet.SYSTEM_SHARE);
        assertThat(share.getElement().getAttribute("data-share-url")).isEqualTo(url());
        assertThat(share.getElement().getAttribute("data-share-title")).isEqualTo(conversation.title());

        UserInput.enter(audience(), ShareAudience.SIGNED_IN);
        _click(_get(Button.class, spec -> spec.withId("copy-link")));
        BrowserClipboard.answer(true);
        assertThat(_find(Button.class, spec -> spec.withId("share-system")))
                .as("the system sheet reaches the social apps: not for a restricted link").isEmpty();
    }

    @Test
    void no_share_where_the_browser_has_no_navigator_share() {
        sharedNow(ShareSettings.ANYONE_FOREVER);
        open();

        browserHasNavigatorShare(false);

        assertThat(_find(Button.class, spec -> spec.withId("share-system"))).isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withId("share-to-x"))).hasSize(1);
    }

    /**
     * Answers the sheet's question to the browser, as Karibu has no browser to answer it. Call it
     * right after opening the dialog: a look-up plays a round trip, which takes the question along.
     */
    private static void browserHasNavigatorShare(boolean has) {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<PendingJavaScriptInvocation> asked = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations()
                .stream()
                .filter(call -> call.getInvocation().getExpression().contains("typeof navigator.share"))
                .toList();
        assertThat(asked).as("questions about navigator.share").hasSize(1);
        asked.getFirst().complete(BooleanNode.valueOf(has));
    }

    private ShareDetails sharedNow(ShareSettings settings) {
        SignedIn.as(users, "alice");
        ShareDetails details = shares.share(ShareRequest.of(conversation.id(), conversation.title(),
                ShareVisibility.ANONYMOUS).withSettings(settings));
        login("alice");
        return details;
    }

    private ShareDetails shared() {
        return shares.findShare(conversation.id()).orElseThrow();
    }

    private static String url() {
        return _get(TextField.class, spec -> spec.withId("share-url")).getValue();
    }

    private void open() {
        UI.getCurrent().navigate("chat/" + conversation.id());
        _click(_get(Button.class, spec -> spec.withId("header-share")));
    }

    /** Every href in the sheet's elements, shown or hidden, by element id. */
    private static java.util.Map<String, String> hrefsInTheSheet() {
        java.util.Map<String, String> hrefs = new java.util.TreeMap<>();
        collectHrefs(_get(ShareSheet.class).getElement(), hrefs);
        return hrefs;
    }

    private static void collectHrefs(com.vaadin.flow.dom.Element element, java.util.Map<String, String> hrefs) {
        if (element.hasAttribute("href") && element.getAttribute("href") != null) {
            hrefs.put(element.getAttribute("id"), element.getAttribute("href"));
        }
        element.getChildren().forEach(child -> collectHrefs(child, hrefs));
    }

    private static Anchor anchor(String id) {
        return _get(Anchor.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Select<ShareAudience> audience() {
        return _get(Select.class, spec -> spec.withId("share-audience"));
    }
}
