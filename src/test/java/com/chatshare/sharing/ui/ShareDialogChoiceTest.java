package com.chatshare.sharing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.ui.ChatViewTest;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SnapshotMessage;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.SharedChatService;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The share dialog's ticks, "Share up to here" and "Leave out", clicked as the owner clicks them. */
class ShareDialogChoiceTest extends KaribuTest {

    static final String GITHUB_TOKEN = "ghp_vxy3KETVqyrxlbiUshF0U71P8FQdoE7bdiAP";

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    SharedChatService sharedChats;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    ConversationSummary conversation;

    @BeforeEach
    void aliceWithFourMessages() {
        SignedIn.as(users, "alice");
        conversation = conversations.createConversation("Choice test " + System.nanoTime(), List.of(
                new ChatTurn(MessageRole.USER, "Where do I put the key?"),
                new ChatTurn(MessageRole.ASSISTANT, "In the environment."),
                new ChatTurn(MessageRole.USER, "Like this: `GITHUB_TOKEN=" + GITHUB_TOKEN + "`"),
                new ChatTurn(MessageRole.ASSISTANT, "Yes, and rotate it now: FOXTROT-2468.")));
        login("alice");
        UI.getCurrent().navigate("chat/" + conversation.id());
        _click(_get(Button.class, spec -> spec.withId("header-share")));
    }

    @Test
    void every_message_is_ticked_at_first_and_an_unticked_one_is_left_out_of_the_page_with_a_marker() {
        assertThat(rows()).hasSize(4).allMatch(MessageRow::isShared);
        assertThat(summary()).isEqualTo("All 4 messages will be shared. One of them may hold a secret or personal "
                + "data: see the warning below.");

        tick(row("In the environment."), false);
        assertThat(summary()).startsWith("3 of 4 messages will be shared. One of them");
        assertThat(row("In the environment.").hasClassName("not-shared")).isTrue();
        _click(copyButton());

        List<SnapshotMessage> shared = publicSnapshot().messages();
        assertThat(shared).hasSize(3);
        assertThat(shared).noneMatch(m -> m.html().contains("In the environment."));
        assertThat(shared.get(1).omittedBefore()).isEqualTo(1);
    }

    @Test
    void share_up_to_here_unticks_every_later_message() {
        MessageRow second = row("In the environment.");
        tick(second, false);

        _click(_get(second, Button.class, spec -> spec.withText(MessageRow.SHARE_UP_TO_HERE)));

        assertThat(rows()).extracting(MessageRow::isShared).containsExactly(true, true, false, false);
        assertThat(_find(row("FOXTROT-2468"), Button.class, spec -> spec.withText(MessageRow.SHARE_UP_TO_HERE)))
                .as("nothing after the last message").isEmpty();
        _click(copyButton());

        assertThat(publicSnapshot().messages()).hasSize(2)
                .noneMatch(m -> m.html().contains("FOXTROT") || m.html().contains("ghp_"))
                .allMatch(m -> m.omittedBefore() == 0);
    }

    @Test
    void a_finding_is_shown_masked_next_to_its_message_and_leave_out_unticks_it() {
        MessageRow flagged = row("Like this:");
        Div findings = _get(flagged, Div.class, spec -> spec.withClasses("share-findings"));
        String warning = findings.getElement().getTextRecursively();
        assertThat(warning).startsWith("Looks like a GitHub token: ghp_").doesNotContain(GITHUB_TOKEN);
        assertThat(_find(row("In the environment."), Div.class, spec -> spec.withClasses("share-findings"))).isEmpty();

        _click(_get(flagged, Button.class, spec -> spec.withText(MessageRow.LEAVE_OUT)));

        assertThat(flagged.isShared()).isFalse();
        assertThat(_find(flagged, Button.class, spec -> spec.withText(MessageRow.LEAVE_OUT))).isEmpty();
        assertThat(summary()).isEqualTo("3 of 4 messages will be shared.");
        _click(copyButton());
        assertThat(publicSnapshot().messages()).hasSize(3).noneMatch(m -> m.html().contains("ghp_"));
        assertThat(jdbc.queryForObject("select count(*) from snapshot_message where share_link_id = ? "
                + "and content like '%ghp_%'", Integer.class, shares.findShare(conversation.id()).orElseThrow()
                .shareId())).isZero();
    }

    @Test
    void the_dialog_reopens_with_the_choice_and_its_update_keeps_it() {
        tick(row("Like this:"), false);
        _click(copyButton());
        _get(com.chatshare.sharing.ui.ShareDialog.class).close();
        SignedIn.as(users, "alice");
        conversations.postUserMessage(conversation.id(), "One more question, GOLF-1357");
        login("alice");
        UI.getCurrent().navigate("chat/" + conversation.id());
        _click(_get(Button.class, spec -> spec.withId("header-share")));

        assertThat(rows()).extracting(MessageRow::isShared).containsExactly(true, true, false, true, true);
        _click(copyButton());

        List<SnapshotMessage> shared = publicSnapshot().messages();
        assertThat(shared).hasSize(4).noneMatch(m -> m.html().contains("ghp_"));
        assertThat(shared.getLast().html()).contains("GOLF-1357");
    }

    @Test
    void with_nothing_ticked_copy_link_is_off_and_the_dialog_says_why() {
        rows().forEach(row -> tick(row, false));

        assertThat(copyButton().isEnabled()).isFalse();
        assertThat(summary()).isEqualTo(MessageChoiceList.NOTHING_TICKED);
        assertThat(shares.findShare(conversation.id())).isEmpty();

        tick(row("FOXTROT-2468"), true);
        assertThat(copyButton().isEnabled()).isTrue();
    }

    @Test
    void a_stale_dialog_does_not_undo_a_choice_made_in_another_tab_and_keeps_the_title_typed() {
        SignedIn.as(users, "alice");
        long flagged = conversations.findMessages(conversation.id()).get(2).id();
        shares.share(ShareRequest.of(conversation.id(), "From the other tab", ShareVisibility.ANONYMOUS)
                .withChoice(shares.preview(conversation.id()).choiceExcluding(java.util.Set.of(flagged))));
        login("alice");
        _click(_get(Button.class, spec -> spec.withId("edit-title")));
        com.chatshare.UserInput.enter(
                _get(TextField.class, spec -> spec.withId("share-title-field")), "Typed here");

        _click(copyButton());

        assertThat(NotificationsKt.getNotifications()).anySatisfy(n ->
                assertThat(n.getElement().getTextRecursively() + n.getElement().getProperty("text", ""))
                        .contains("since this preview was made"));
        assertThat(publicSnapshot().messages()).noneMatch(m -> m.html().contains("ghp_"));
        assertThat(row("Like this:").isShared()).isFalse();
        assertThat(_get(TextField.class, spec -> spec.withId("share-title-field")).getValue()).isEqualTo("Typed here");
        assertThat(copyButton().getText()).as("the title typed here is still to share").isEqualTo("Update link");
    }

    @Test
    void a_title_that_looks_like_personal_data_is_flagged_under_the_title() {
        _click(_get(Button.class, spec -> spec.withId("edit-title")));
        _get(TextField.class, spec -> spec.withId("share-title-field")).setValue("Mail jane.doe@gmail.com about it");
        _click(_get(Button.class, spec -> spec.withId("title-done")));

        assertThat(_get(Div.class, spec -> spec.withId("share-title-findings")).getElement().getTextRecursively())
                .contains("Looks like an e-mail address: j•••@gmail.com").doesNotContain("jane.doe");
    }

    @Test
    void a_long_chat_shows_its_first_messages_and_the_choice_holds_for_those_not_shown_yet() {
        _click(_get(Button.class, spec -> spec.withText("Close")));
        SignedIn.as(users, "alice");
        List<ChatTurn> turns = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            turns.add(new ChatTurn(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "Message number " + i + "."));
        }
        turns.set(120, new ChatTurn(MessageRole.USER, "My key: `" + GITHUB_TOKEN + "`"));
        conversation = conversations.createConversation("Long choice " + System.nanoTime(), turns);
        login("alice");
        UI.getCurrent().navigate("chat/" + conversation.id());
        _click(_get(Button.class, spec -> spec.withId("header-share")));

        assertThat(rows()).hasSize(MessageChoiceList.FIRST_SHOWN);
        // The messages not on screen are checked in the background; their findings arrive.
        ChatViewTest.awaitUntil(() -> !summary().contains(MessageChoiceList.CHECKING));
        assertThat(summary()).isEqualTo("All 150 messages will be shared. One of them may hold a secret or "
                + "personal data: see the warning below.");
        Button more = _get(Button.class, spec -> spec.withId("preview-more"));
        assertThat(more.getText()).isEqualTo("Show 100 more of 130 messages (1 with a warning)");

        // Share up to the fifth: every later message is left out, the ones not shown too.
        _click(_get(Button.class, spec -> spec.withId("choose-messages")));
        _click(_get(rows().get(4), Button.class, spec -> spec.withText(MessageRow.SHARE_UP_TO_HERE)));
        assertThat(summary()).isEqualTo("5 of 150 messages will be shared.");
        _click(more);
        assertThat(rows()).hasSize(MessageChoiceList.FIRST_SHOWN + MessageChoiceList.MORE_SHOWN);
        assertThat(rows().get(60).isShared()).as("a message shown later keeps the choice").isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("preview-more")).getText())
                .isEqualTo("Show 30 more of 30 messages (1 with a warning)");
        tick(rows().get(60), true);
        _click(copyButton());

        List<SnapshotMessage> shared = publicSnapshot().messages();
        assertThat(shared).hasSize(6);
        assertThat(shared.getLast().html()).contains("Message number 60.");
        assertThat(shared).noneMatch(m -> m.html().contains(GITHUB_TOKEN) || m.html().contains("Message number 149."));
    }

    private List<MessageRow> rows() {
        return _find(MessageRow.class);
    }

    private MessageRow row(String text) {
        return rows().stream().filter(row -> row.getElement().getOuterHTML().contains(text)).findFirst().orElseThrow();
    }

    /** What a click on the row's checkbox does. */
    private static void tick(MessageRow row, boolean value) {
        Checkbox box = _get(row, Checkbox.class);
        assertThat(box.isEnabled()).isTrue();
        box.setValue(value);
    }

    private String summary() {
        return _get(Paragraph.class, spec -> spec.withId("share-choice-summary")).getText();
    }

    private Button copyButton() {
        return _get(Button.class, spec -> spec.withId("copy-link"));
    }

    private com.chatshare.sharing.PublicSnapshot publicSnapshot() {
        SignedIn.as(users, "alice");
        ShareDetails details = shares.findShare(conversation.id()).orElseThrow();
        com.chatshare.sharing.PublicSnapshot snapshot = sharedChats.findPublicSnapshot(SharingFixtures.token(details))
                .orElseThrow();
        login("alice");
        return snapshot;
    }
}
