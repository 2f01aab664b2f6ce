package com.chatshare.sharing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.UserInput;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.PolicyFixtures;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.SharingPolicy;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The share dialog's preview card checkbox (decision 0027), used as the owner uses it. */
class PreviewCardFieldTest extends KaribuTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    ConversationSummary conversation;

    @BeforeEach
    void aliceWithAConversation() {
        SignedIn.as(users, "alice");
        conversation = conversations.importConversation("Card test " + System.nanoTime(), List.of(
                new ChatTurn(MessageRole.USER, "Will the post show a card?"),
                new ChatTurn(MessageRole.ASSISTANT, "Only if you turn it on.")));
        login("alice");
    }

    @AfterEach
    void resetPolicy() {
        PolicyFixtures.reset(jdbc);
    }

    private void open() {
        UI.getCurrent().navigate("chat/" + conversation.id());
        _click(_get(Button.class, spec -> spec.withId("header-share")));
    }

    private static Checkbox card() {
        return _get(Checkbox.class, spec -> spec.withId("share-preview-card"));
    }

    @SuppressWarnings("unchecked")
    private static Select<ShareAudience> audience() {
        return _get(Select.class, spec -> spec.withId("share-audience"));
    }

    private static void copyLink() {
        _click(_get(Button.class, spec -> spec.withId("copy-link")));
    }

    private ShareDetails shared() {
        return shares.findShare(conversation.id()).orElseThrow();
    }

    @Test
    void the_card_is_off_by_default_says_what_it_shows_and_is_stored_when_ticked() {
        open();

        assertThat(card().getValue()).isFalse();
        assertThat(card().isEnabled()).isTrue();
        assertThat(card().getLabel()).isEqualTo("Show a preview card when the link is posted");
        assertThat(card().getHelperText()).isEqualTo("The card shows the title to everyone who sees the post, "
                + "not only to those who open the link.");
        UserInput.enter(card(), true);
        copyLink();

        assertThat(shared().previewCard()).isTrue();
        _click(_get(Button.class, spec -> spec.withText("Close")));
        open();
        assertThat(card().getValue()).as("shown again as stored").isTrue();
    }

    @Test
    void turning_the_card_on_for_an_existing_link_is_an_update() {
        open();
        copyLink();
        _click(_get(Button.class, spec -> spec.withText("Close")));
        open();
        assertThat(_find(Button.class, spec -> spec.withId("copy-link"))).as("nothing to update").isEmpty();

        UserInput.enter(card(), true);

        Button update = _get(Button.class, spec -> spec.withId("copy-link"));
        assertThat(update.getText()).isEqualTo(ShareDialog.UPDATE);
        _click(update);
        assertThat(shared().previewCard()).isTrue();
        assertThat(shared().snapshotVersion()).as("a new version: the page's bytes change").isEqualTo(2);
    }

    @Test
    void a_restricted_audience_takes_the_card_away_and_says_why() {
        open();
        UserInput.enter(card(), true);

        UserInput.enter(audience(), ShareAudience.SIGNED_IN);

        assertThat(card().isEnabled()).isFalse();
        assertThat(card().getValue()).isFalse();
        assertThat(card().getHelperText()).isEqualTo(ShareAccessFields.CARD_ONLY_PUBLIC);
        copyLink();
        assertThat(shared().previewCard()).isFalse();
        assertThat(shared().settings().audience()).isEqualTo(ShareAudience.SIGNED_IN);
    }

    @Test
    void while_the_policy_forbids_cards_the_box_is_off_and_says_so() {
        PolicyFixtures.store(jdbc, SharingPolicy.OPEN.withPreviewCardsAllowed(false));
        open();

        assertThat(card().isEnabled()).isFalse();
        assertThat(card().getHelperText()).isEqualTo(ShareAccessFields.CARDS_OFF);
    }

    @Test
    void a_card_the_server_refuses_is_marked_on_the_box_and_the_choices_stay() {
        open();
        UserInput.enter(card(), true);
        // Forbidden after the dialog was opened: the server decides, the dialog only mirrors it.
        PolicyFixtures.store(jdbc, SharingPolicy.OPEN.withPreviewCardsAllowed(false));

        copyLink();

        assertThat(card().isInvalid()).isTrue();
        assertThat(card().getErrorMessage()).isEqualTo(ShareService.PREVIEW_CARDS_OFF_MESSAGE);
        assertThat(card().getValue()).as("what the owner chose stays").isTrue();
        assertThat(shares.findShare(conversation.id())).as("nothing shared").isEmpty();
    }
}
