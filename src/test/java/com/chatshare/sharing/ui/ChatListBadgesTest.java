package com.chatshare.sharing.ui;

import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareSettings;
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
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.SharedChatService;
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
    SharedChatService sharedChats;

    @Autowired
    UserDetailsService users;

    @Autowired
    SharedConversations sharedConversations;

    @Autowired
    ModerationService moderation;

    @Autowired
    com.chatshare.accounts.AccountService accounts;

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
        _click(_get(Button.class, spec -> spec.withId("delete-link")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("delete-link-confirm")));
        closeShareDialog();

        assertThat(badges(chat.id())).isEmpty();
    }

    @Test
    void the_shared_badge_says_who_can_open_the_link_and_until_when() {
        login("alice");
        ConversationSummary chat = SharingFixtures.answeredConversation(conversations, users, "alice",
                "Only for signed-in readers");
        java.time.Instant expires = java.time.Instant.now().plus(java.time.Duration.ofDays(7));
        SignedIn.as(users, "alice");
        shares.share(ShareRequest.of(chat.id(), "Only for signed-in readers", ShareVisibility.ANONYMOUS)
                .withSettings(new ShareSettings(ShareAudience.SIGNED_IN, List.of(), expires)));
        login("alice");

        UI.getCurrent().navigate("chat/" + chat.id());

        Span badge = _get(row(chat.id()), Span.class, spec -> spec.withClasses("chat-row-shared"));
        assertThat(badge.getElement().getAttribute("title"))
                .startsWith("Shared: anyone signed in with the link can read it until ")
                .doesNotContain("anyone with the link");
    }

    @Test
    void copies_continued_from_one_link_are_told_apart_in_the_chat_list() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Twice continued 50% off_",
                ShareVisibility.ANONYMOUS);
        String username = "twice-" + System.nanoTime();
        accounts.register(new com.chatshare.accounts.Registration(username, "Twice", "long-enough-password"));
        SignedIn.as(users, username);
        ConversationSummary first = sharedChats.continueConversation(SharingFixtures.token(link));
        ConversationSummary second = sharedChats.continueConversation(SharingFixtures.token(link));
        ConversationSummary third = sharedChats.continueConversation(SharingFixtures.token(link));
        login(username);

        UI.getCurrent().navigate("chat/" + third.id());

        assertThat(List.of(first.title(), second.title(), third.title())).containsExactly(
                "Twice continued 50% off_", "Twice continued 50% off_ (2)", "Twice continued 50% off_ (3)");
        assertThat(row(second.id()).getElement().getTextRecursively()).contains("Twice continued 50% off_ (2)");
    }

    @Test
    void a_continued_copy_shows_the_copy_badge_and_not_the_shared_one() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Copy my badge",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "bob");
        ConversationSummary copy = sharedChats.continueConversation(SharingFixtures.token(link));
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
                .containsOnlyKeys(link.conversationId());

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
