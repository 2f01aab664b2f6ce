package com.chatshare.sharing.ui;

import com.chatshare.sharing.ShareVisibility;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.BrowserClipboard;
import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.PublicSnapshot;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.SharedChatService;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

class ShareDialogTest extends KaribuTest {

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
    void aliceWithAConversation() {
        login("alice");
        SignedIn.as(users, "alice");
        conversation = conversations.importConversation("Dialog test " + System.nanoTime(), List.of(
                new ChatTurn(MessageRole.USER, "How do I **bold** text?"),
                new ChatTurn(MessageRole.ASSISTANT, "Wrap it in `**double stars**`.")));
        login("alice");
    }

    @Test
    void share_button_in_the_chat_list_opens_the_dialog_with_the_preview() {
        openFromChatList();

        assertThat(_get(H3.class, spec -> spec.withId("share-title")).getText()).isEqualTo(conversation.title());
        String preview = _get(Div.class, spec -> spec.withId("share-preview")).getElement().getOuterHTML();
        // The person's words as typed, the assistant's answer as Markdown.
        assertThat(preview).contains("<p class=\"verbatim\">How do I **bold** text?</p>", "<code>**double stars**</code>");
        assertThat(author().getValue()).isEqualTo(ShareVisibility.ANONYMOUS);
        assertThat(author().getItemLabelGenerator().apply(ShareVisibility.NAMED)).isEqualTo("Your name (Alice Example)");
        assertThat(copyButton().getText()).isEqualTo("Copy Link");
        assertThat(_find(Button.class, spec -> spec.withId("delete-link"))).as("no link to delete yet").isEmpty();
        assertThat(_get(ShareDialog.class).getElement().getTextRecursively()).contains(ShareDialog.NOTICE);
    }

    @Test
    void the_preview_says_which_model_answered_as_the_page_does() {
        SignedIn.as(users, "alice");
        conversations.postUserMessage(conversation.id(), "And italics?");
        conversations.streamReply(conversation.id()).tokens().blockLast(java.time.Duration.ofSeconds(10));
        String model = conversations.findMessages(conversation.id()).getLast().model();
        assertThat(model).isNotBlank();
        login("alice");

        openFromHeader();

        List<String> answeredBy = _find(_get(Div.class, spec -> spec.withId("share-preview")), Span.class,
                spec -> spec.withClasses("preview-answered-by")).stream().map(Span::getText).toList();
        assertThat(answeredBy).as("the imported answer has no model; the new one names its own")
                .containsExactly("Answered by " + model);
    }

    @Test
    void copy_link_creates_the_link_shows_it_with_its_own_copy_button_and_offers_update_only_after_a_change() {
        openFromHeader();

        _click(copyButton());
        String copied = BrowserClipboard.answer(true);

        ShareDetails details = shares.findShare(conversation.id()).orElseThrow();
        TextField url = _get(TextField.class, spec -> spec.withId("share-url"));
        assertThat(url.getValue()).endsWith(details.path()).startsWith("http").isEqualTo(copied);
        assertThat(url.isReadOnly()).isTrue();
        assertThat(url.getHelperText()).isEqualTo(ShareDialog.COPIED);
        assertThat(_find(Button.class, spec -> spec.withId("copy-link"))).as("nothing changed: nothing to update").isEmpty();
        assertThat(NotificationsKt.getNotifications()).as("no toast over the title or the link").isEmpty();

        // Copy again from the link's own button.
        _click(_get(Button.class, spec -> spec.withId("copy-url")));
        assertThat(BrowserClipboard.answer(true)).isEqualTo(copied);

        // A change made in the dialog is something to update.
        _click(_get(Button.class, spec -> spec.withId("edit-title")));
        TextField title = _get(TextField.class, spec -> spec.withId("share-title-field"));
        com.chatshare.UserInput.enter(title, "A changed title");
        assertThat(copyButton().getText()).isEqualTo("Update link");
    }

    @Test
    void share_your_name_puts_the_display_name_on_the_page() {
        openFromHeader();

        com.chatshare.UserInput.enter(author(), ShareVisibility.NAMED);
        _click(copyButton());

        PublicSnapshot snapshot = publicSnapshot();
        assertThat(snapshot.sharedBy()).isEqualTo("Alice Example");
    }

    @Test
    void the_pencil_edits_the_title_of_the_shared_page() {
        openFromHeader();

        _click(_get(Button.class, spec -> spec.withId("edit-title")));
        _get(TextField.class, spec -> spec.withId("share-title-field")).setValue("A better title");
        _click(_get(Button.class, spec -> spec.withId("title-done")));
        _click(copyButton());

        assertThat(publicSnapshot().title()).isEqualTo("A better title");
        assertThat(conversations.getConversation(conversation.id()).title()).isEqualTo(conversation.title());
    }

    @Test
    void a_bad_title_is_refused_and_kept_for_fixing() {
        openFromHeader();
        _click(_get(Button.class, spec -> spec.withId("edit-title")));
        TextField field = _get(TextField.class, spec -> spec.withId("share-title-field"));
        field.setValue("   ");

        _click(_get(Button.class, spec -> spec.withId("title-done")));

        assertThat(field.isInvalid()).isTrue();
        assertThat(shares.findShare(conversation.id())).isEmpty();
    }

    @Test
    void new_messages_since_sharing_are_counted_and_update_takes_them_in() {
        SignedIn.as(users, "alice");
        shares.share(
                ShareRequest.of(conversation.id(), conversation.title(), com.chatshare.sharing.ShareVisibility.ANONYMOUS));
        conversations.postUserMessage(conversation.id(), "And italics?");
        conversations.postUserMessage(conversation.id(), "And links?");
        login("alice");
        openFromHeader();

        assertThat(_get(Div.class, spec -> spec.withId("share-status")).getElement().getTextRecursively())
                .isEqualTo("2 new messages since you shared. Update to include them.");
        assertThat(copyButton().getText()).isEqualTo("Update link (2 new)");
        _click(copyButton());

        assertThat(_find(Div.class, spec -> spec.withId("share-status"))).isEmpty();
        assertThat(publicSnapshot().messages()).hasSize(4);
    }

    @Test
    void an_empty_conversation_cannot_be_shared() {
        SignedIn.as(users, "alice");
        conversation = conversations.importConversation("Empty " + System.nanoTime(), List.of());
        login("alice");
        openFromHeader();

        assertThat(copyButton().isEnabled()).isFalse();
        assertThat(_get(Div.class, spec -> spec.withId("share-preview")).getElement().getTextRecursively())
                .contains("no messages yet");
    }

    @Test
    void a_taken_down_link_shows_its_status_and_reason_and_cannot_be_updated() {
        ShareDetails details = sharedNow();
        jdbc.update("update share_link set status = 'TAKEN_DOWN', takedown_reason = 'Personal information' "
                + "where id = ?", details.shareId());
        openFromHeader();

        assertThat(_get(Div.class, spec -> spec.withId("share-status")).getElement().getTextRecursively())
                .isEqualTo("Taken down by moderation: Personal information");
        assertThat(_find(Button.class, spec -> spec.withId("copy-link"))).as("no update offered").isEmpty();
        assertThat(_get(Button.class, spec -> spec.withId("copy-url")).isEnabled()).isFalse();
    }

    @Test
    void delete_link_asks_first_and_then_the_link_is_gone() {
        sharedNow();
        openFromHeader();

        _click(_get(Button.class, spec -> spec.withId("delete-link")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("delete-link-confirm"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains(conversation.title());
        ConfirmDialogKt._fireConfirm(confirm);

        SignedIn.as(users, "alice");
        assertThat(shares.findShare(conversation.id())).isEmpty();
        assertThat(copyButton().getText()).isEqualTo("Copy Link");
    }

    private ShareDetails sharedNow() {
        SignedIn.as(users, "alice");
        ShareDetails details = shares.share(
                ShareRequest.of(conversation.id(), conversation.title(), com.chatshare.sharing.ShareVisibility.ANONYMOUS));
        login("alice");
        return details;
    }

    private PublicSnapshot publicSnapshot() {
        ShareDetails details = shares.findShare(conversation.id()).orElseThrow();
        return sharedChats.findPublicSnapshot(SharingFixtures.token(details)).orElseThrow();
    }

    private void openFromHeader() {
        UI.getCurrent().navigate("chat/" + conversation.id());
        _click(_get(Button.class, spec -> spec.withId("header-share")));
    }

    private void openFromChatList() {
        UI.getCurrent().navigate("chat/" + conversation.id());
        @SuppressWarnings("unchecked")
        Grid<ConversationSummary> grid = _get(Grid.class, spec -> spec.withId("chat-list"));
        int row = GridKt._findAll(grid).stream().map(ConversationSummary::id).toList().indexOf(conversation.id());
        Component cell = GridKt._getCellComponent(grid, row, "chat");
        _click(_get(cell, Button.class, spec -> spec.withClasses("chat-row-share")));
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<ShareVisibility> author() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("share-author"));
    }

    private Button copyButton() {
        return _get(Button.class, spec -> spec.withId("copy-link"));
    }

}
