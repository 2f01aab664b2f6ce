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
import com.chatshare.conversations.SharedConversations;
import com.chatshare.moderation.ModerationService;
import com.chatshare.moderation.ReportReason;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The chat list's badges: "Shared" while a chat has a link anyone can read, "Copy" on continued copies. */
class ChatListBadgesTest extends KaribuTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    UserDetailsService users;

    @Autowired
    SharedConversations sharedConversations;

    @Autowired
    ModerationService moderation;

    @Test
    void sharing_a_chat_shows_the_shared_badge_and_deleting_the_link_removes_it() {
        SignedIn.as(users, "alice");
        ConversationSummary chat = conversations.createConversation("Badge test " + System.nanoTime(), List.of(
                new ChatTurn(MessageRole.USER, "Is this shared?"), new ChatTurn(MessageRole.ASSISTANT, "Not yet.")));
        login("alice");
        UI.getCurrent().navigate("chat/" + chat.id());
        assertThat(badges(chat.id())).isEmpty();

        _click(_get(row(chat.id()), Button.class, spec -> spec.withClasses("chat-row-share")));
        _click(_get(Button.class, spec -> spec.withId("copy-link")));
        closeShareDialog();

        assertThat(badges(chat.id())).containsExactly("Shared");
        Span badge = _get(row(chat.id()), Span.class, spec -> spec.withClasses("chat-row-shared"));
        assertThat(badge.getElement().getThemeList()).contains("badge");
        assertThat(badge.getElement().getTextRecursively()).contains("Shared: anyone with the link can read it");

        _click(_get(row(chat.id()), Button.class, spec -> spec.withClasses("chat-row-share")));
        ContextMenuKt._clickItemWithCaption(_get(MenuBar.class, spec -> spec.withId("share-menu")), "Delete link");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("delete-link-confirm")));
        closeShareDialog();

        assertThat(badges(chat.id())).isEmpty();
    }

    @Test
    void a_continued_copy_shows_the_copy_badge_and_not_the_shared_one() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Copy my badge",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "bob");
        ConversationSummary copy = shares.continueConversation(SharingFixtures.token(link));
        login("bob");

        UI.getCurrent().navigate("chat/" + copy.id());

        assertThat(badges(copy.id())).containsExactly("Copy");
        Span badge = _get(row(copy.id()), Span.class, spec -> spec.withClasses("chat-row-copy"));
        assertThat(badge.getElement().getThemeList()).contains("badge", "contrast");
        assertThat(badge.getElement().getTextRecursively()).contains("Continued from a shared chat");
    }

    @Test
    void only_the_owners_chats_with_a_readable_link_count_as_shared() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Whose badge?",
                ShareVisibility.ANONYMOUS);
        assertThat(sharedConversations.withActiveLink(List.of(link.conversationId())))
                .containsExactly(link.conversationId());

        SignedIn.as(users, "bob");
        assertThat(sharedConversations.withActiveLink(List.of(link.conversationId()))).isEmpty();

        SignedIn.as(users, "mod");
        moderation.takeDown(List.of(link.shareId()), ReportReason.SPAM_OR_PHISHING, "Spam");
        SignedIn.as(users, "alice");
        assertThat(sharedConversations.withActiveLink(List.of(link.conversationId()))).isEmpty();
        SignedIn.signOut();
    }

    private void closeShareDialog() {
        _click(_get(Button.class, spec -> spec.withText("Close")));
    }

    private Component row(long conversationId) {
        @SuppressWarnings("unchecked")
        Grid<ConversationSummary> grid = _get(Grid.class, spec -> spec.withId("chat-list"));
        int index = GridKt._findAll(grid).stream().map(ConversationSummary::id).toList().indexOf(conversationId);
        assertThat(index).as("row of chat %d", conversationId).isNotNegative();
        return GridKt._getCellComponent(grid, index, "chat");
    }

    private List<String> badges(long conversationId) {
        return _find(row(conversationId), Span.class, spec -> spec.withClasses("chat-row-badge")).stream()
                .map(badge -> badge.getChildren().findFirst().map(c -> c.getElement().getText()).orElse(""))
                .toList();
    }
}
