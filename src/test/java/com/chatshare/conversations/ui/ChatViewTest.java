package com.chatshare.conversations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.conversations.AssistantProperties;
import com.chatshare.ratelimit.CounterKey;
import com.chatshare.ratelimit.SecondNode;
import com.chatshare.security.CurrentUser;
import org.springframework.data.domain.PageRequest;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.base.ui.NotFoundView;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

public class ChatViewTest extends KaribuTest {

    @Autowired
    ConversationService service;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void signIn() {
        login("alice");
    }

    @Test
    void sending_a_message_shows_it_and_the_streamed_answer() {
        UI.getCurrent().navigate(ChatView.class);

        typeAndSend("What is a Java record?");
        awaitAnswer();

        List<MessageEntry> items = _get(ChatMessages.class).entries();
        assertThat(items).hasSize(2);
        assertThat(items.get(0).getText()).isEqualTo("What is a Java record?");
        assertThat(items.get(0).getUserName()).isEqualTo("Alice Example");
        assertThat(items.get(1).getUserName()).isEqualTo("Demo assistant (offline)");
        assertThat(items.get(1).getText()).contains("You asked", "```java");
        assertThat(_get(Span.class, spec -> spec.withId("assistant-name")).getText()).isEqualTo("Demo assistant (offline)");
        assertThat(_find(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("model-picker")))
                .as("one model and nothing to say: the name once, no picker").isEmpty();
        assertThat(_get(H2.class, spec -> spec.withId("conversation-title")).getText()).isEqualTo("What is a Java record?");
        assertThat(input().getValue()).isEmpty();
        assertThat(chatTitles()).contains("What is a Java record?");
    }

    @Autowired
    SecondNode secondNode;

    @Autowired
    AssistantProperties assistantProperties;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    com.chatshare.ratelimit.SharedCounters counters;

    @Test
    void at_the_answer_limit_send_and_retry_wait_for_the_countdown_and_the_question_keeps_its_retry() {
        String username = "limited-" + System.nanoTime();
        accounts.register(new Registration(username, "Lim Ited", "long-enough-password"));
        login(username);
        int limit = assistantProperties.answersPerMinute().orElseThrow();
        CounterKey answers = new CounterKey(ConversationService.REPLIES_BY_ACCOUNT,
                Long.toString(currentUser.requireUserId()), Duration.ofMinutes(1));
        secondNode.count(answers, limit);
        UI.getCurrent().navigate(ChatView.class);

        typeAndSend("A question past the limit");

        Div notice = _get(Div.class, spec -> spec.withId("assistant-error"));
        assertThat(notice.getElement().getTextRecursively())
                .contains("You asked for " + limit + " answers in the last minute", "Your question is saved",
                        "Retry in ")
                .doesNotContain("what arrived of the answer");
        assertThat(_get(Button.class, spec -> spec.withId("retry")).isEnabled()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("send")).isEnabled()).isFalse();
        assertThat(_get(ChatMessages.class).entries()).extracting(MessageEntry::getText)
                .containsExactly("A question past the limit");

        // The browser's countdown ends.
        notice.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .fireEvent(new com.vaadin.flow.dom.DomEvent(notice.getElement(), "wait-over",
                        tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
        assertThat(_get(Button.class, spec -> spec.withId("retry")).isEnabled()).isTrue();
        assertThat(_get(Button.class, spec -> spec.withId("send")).isEnabled()).isTrue();

        // Left and opened again, the unanswered question still offers Retry, which answers it.
        long chat = service.findConversations(PageRequest.of(0, 1)).getContent().getFirst().id();
        UI.getCurrent().navigate(ChatView.class);
        assertThat(_find(Div.class, spec -> spec.withId("assistant-error"))).isEmpty();
        UI.getCurrent().navigate("chat/" + chat);
        assertThat(_get(Div.class, spec -> spec.withId("assistant-error")).getElement().getTextRecursively())
                .contains("This question has no answer yet.");
        counters.update(List.of(answers), all -> all.get(answers).reset());
        _click(_get(Button.class, spec -> spec.withId("retry")));
        awaitAnswer();
        assertThat(_get(ChatMessages.class).entries()).hasSize(2);
    }

    @Test
    void a_new_user_sees_the_no_chats_state_until_the_first_message_is_sent() {
        String username = "newcomer-" + System.nanoTime();
        accounts.register(new Registration(username, "Nia Newcomer", "long-enough-password"));
        login(username);
        UI.getCurrent().navigate(ChatView.class);

        assertThat(_get(Div.class, spec -> spec.withId("chat-list-empty")).getElement().getTextRecursively())
                .contains("No chats yet");
        assertThat(_find(Grid.class, spec -> spec.withId("chat-list"))).isEmpty();
        assertThat(_get(H2.class, spec -> spec.withId("welcome")).getText()).isEqualTo("Welcome, Nia Newcomer");

        typeAndSend("My very first question");

        assertThat(_find(Div.class, spec -> spec.withId("chat-list-empty"))).isEmpty();
        assertThat(chatTitles()).containsExactly("My very first question");
        // Once the answer is stored, the "writing" state is gone (while it streams, it may or may not
        // still show: that depends on how fast the first words come).
        awaitAnswer();
        assertThat(_find(Span.class, spec -> spec.withId("assistant-answering"))).isEmpty();
    }

    @Test
    void follow_up_messages_go_to_the_same_conversation() {
        UI.getCurrent().navigate(ChatView.class);
        typeAndSend("First question");
        awaitAnswer();

        typeAndSend("Second question");
        awaitUntil(() -> _get(ChatMessages.class).entries().size() == 4 && sendVisible());

        assertThat(chatTitles()).filteredOn("First question"::equals).hasSize(1);
        ConversationSummary conversation = service.findConversations(
                org.springframework.data.domain.PageRequest.of(0, 1)).getContent().getFirst();
        assertThat(service.findMessages(conversation.id())).extracting(ChatMessage::content)
                .contains("First question", "Second question");
    }

    @Test
    void opening_a_conversation_by_url_shows_its_messages() {
        SignedIn.as(users, "alice");
        ConversationSummary conversation = service.startConversation("Stored question");

        UI.getCurrent().navigate("chat/" + conversation.id());

        assertThat(_get(ChatMessages.class).entries()).extracting(MessageEntry::getText)
                .containsExactly("Stored question");
    }

    @Test
    void another_users_conversation_looks_exactly_like_a_missing_one() {
        SignedIn.as(users, "bob");
        ConversationSummary bobs = service.startConversation("bob's secret");
        SignedIn.as(users, "alice");

        UI.getCurrent().navigate("chat/" + bobs.id());
        String bobsPage = _get(NotFoundView.class).getElement().getTextRecursively();
        UI.getCurrent().navigate("chat/999999999");
        String missingPage = _get(NotFoundView.class).getElement().getTextRecursively();

        // Both answers are the same page, word for word, with nothing of Bob's chat in it.
        assertThat(bobsPage).isEqualTo(missingPage).contains(ChatView.NOT_FOUND).doesNotContain("bob's secret");
    }

    @Test
    void an_empty_message_is_not_sent_and_says_why() {
        UI.getCurrent().navigate(ChatView.class);
        int chatsBefore = chatTitles().size();
        input().setValue("   ");

        _click(_get(Button.class, spec -> spec.withId("send")));

        assertThat(input().isInvalid()).isTrue();
        assertThat(input().getErrorMessage()).isEqualTo("Type a message first.");
        assertThat(chatTitles()).hasSize(chatsBefore);
    }

    @Test
    void a_message_over_the_limit_is_refused_and_the_text_is_kept() {
        UI.getCurrent().navigate(ChatView.class);
        int chatsBefore = chatTitles().size();
        String tooLong = "z".repeat(ChatMessage.MAX_LENGTH + 1);
        input().setValue(tooLong);

        _click(_get(Button.class, spec -> spec.withId("send")));

        assertThat(input().isInvalid()).isTrue();
        assertThat(input().getErrorMessage()).contains("32,001").contains("32,000");
        assertThat(input().getValue()).isEqualTo(tooLong);
        assertThat(chatTitles()).hasSize(chatsBefore);
    }

    @Test
    void every_row_of_the_chat_list_has_a_share_button_and_a_menu() {
        SignedIn.as(users, "alice");
        service.startConversation("one");
        service.startConversation("two");
        UI.getCurrent().navigate(ChatView.class);

        Grid<?> grid = _get(Grid.class, spec -> spec.withId("chat-list"));
        for (int row = 0; row < 2; row++) {
            Component cell = GridKt._getCellComponent(grid, row, grid.getColumns().getFirst().getKey());
            Button share = _get(cell, Button.class, spec -> spec.withClasses("chat-row-share"));
            assertThat(share.getAriaLabel()).contains("Share");
            assertThat(_find(cell, com.vaadin.flow.component.menubar.MenuBar.class)).hasSize(1);
        }
    }

    @Test
    void rename_changes_the_title_and_a_bad_title_keeps_what_was_typed() {
        SignedIn.as(users, "alice");
        ConversationSummary conversation = service.startConversation("old title");
        UI.getCurrent().navigate("chat/" + conversation.id());
        ChatList list = _get(ChatList.class);

        list.openRename(conversation);
        TextField title = _get(TextField.class, spec -> spec.withId("rename-title"));
        title.setValue("   ");
        _click(_get(Button.class, spec -> spec.withId("rename-save")));
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Enter a title.");

        title.setValue("New title");
        _click(_get(Button.class, spec -> spec.withId("rename-save")));

        assertThat(_get(H2.class, spec -> spec.withId("conversation-title")).getText()).isEqualTo("New title");
        assertThat(service.getConversation(conversation.id()).title()).isEqualTo("New title");
    }

    @Test
    void delete_asks_first_then_removes_the_chat() {
        SignedIn.as(users, "alice");
        ConversationSummary conversation = service.startConversation("to be deleted");
        UI.getCurrent().navigate("chat/" + conversation.id());

        _get(ChatList.class).confirmDelete(conversation);
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("delete-chat-confirm"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("to be deleted");
        assertThat(chatTitles()).contains("to be deleted");

        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(chatTitles()).doesNotContain("to be deleted");
        assertThatThrownBy(() -> service.getConversation(conversation.id()))
                .isInstanceOf(com.chatshare.conversations.ConversationNotFoundException.class);
        assertThat(_get(H2.class, spec -> spec.withId("welcome")).isVisible()).isTrue();
    }

    private TextArea input() {
        return _get(TextArea.class, spec -> spec.withId("message-input"));
    }

    private void typeAndSend(String text) {
        input().setValue(text);
        _click(_get(Button.class, spec -> spec.withId("send")));
    }

    private boolean sendVisible() {
        return !_find(Button.class, spec -> spec.withId("send")).isEmpty();
    }

    private void awaitAnswer() {
        awaitUntil(() -> sendVisible() && _get(ChatMessages.class).entries().getLast().getText().contains("demo assistant"));
    }

    public static void awaitUntil(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            MockVaadin.clientRoundtrip(false);
            if (condition.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Condition not met within 15 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<String> chatTitles() {
        @SuppressWarnings("unchecked")
        Grid<ConversationSummary> grid = _get(Grid.class, spec -> spec.withId("chat-list"));
        return GridKt._findAll(grid).stream().map(ConversationSummary::title).toList();
    }

}
