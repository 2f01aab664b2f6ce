package com.chatshare.conversations.ui;

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
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A long chat opens at its end; "Load earlier messages" brings the older ones, 50 at a time. */
class LongChatTest extends KaribuTest {

    @Autowired
    ConversationService service;

    @Autowired
    UserDetailsService users;

    @Test
    void a_long_chat_shows_its_last_50_messages_and_loads_earlier_ones_on_request() {
        SignedIn.as(users, "alice");
        List<ChatTurn> turns = IntStream.range(0, 120)
                .mapToObj(i -> new ChatTurn(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "Message " + i))
                .toList();
        ConversationSummary chat = service.createConversation("A long chat", turns);
        login("alice");

        UI.getCurrent().navigate("chat/" + chat.id());

        assertThat(texts()).hasSize(50).startsWith("Message 70").endsWith("Message 119");
        _click(loadEarlier());
        assertThat(texts()).hasSize(100).startsWith("Message 20").endsWith("Message 119");
        _click(loadEarlier());
        assertThat(texts()).hasSize(120).startsWith("Message 0", "Message 1").endsWith("Message 119");
        assertThat(_find(Button.class, spec -> spec.withId("load-earlier"))).isEmpty();
    }

    @Test
    void a_short_chat_shows_all_its_messages_without_a_load_earlier_button() {
        SignedIn.as(users, "alice");
        ConversationSummary chat = service.createConversation("A short chat", List.of(
                new ChatTurn(MessageRole.USER, "Only question"), new ChatTurn(MessageRole.ASSISTANT, "Only answer")));
        login("alice");

        UI.getCurrent().navigate("chat/" + chat.id());

        assertThat(texts()).containsExactly("Only question", "Only answer");
        assertThat(_find(Button.class, spec -> spec.withId("load-earlier"))).isEmpty();
    }

    @Test
    void a_chat_that_goes_on_keeps_its_newest_messages_and_loads_the_older_ones_on_request() {
        SignedIn.as(users, "alice");
        List<ChatTurn> turns = IntStream.range(0, 90)
                .mapToObj(i -> new ChatTurn(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "Message " + i))
                .toList();
        ConversationSummary chat = service.createConversation("A chat that goes on", turns);
        login("alice");
        UI.getCurrent().navigate("chat/" + chat.id());
        assertThat(texts()).hasSize(50).startsWith("Message 40");

        // 50 shown + 25 questions and answers = 100: all stay.
        for (int i = 1; i <= 25; i++) {
            ask("Question " + i);
        }
        assertThat(texts()).hasSize(100).startsWith("Message 40").endsWith("Question 25", texts().getLast());
        // The 26th question is the 101st message: the oldest leave, the newest 50 from a stored answer on stay.
        ask("Question 26");
        List<String> kept = texts();
        assertThat(kept).hasSize(51);
        assertThat(kept.getFirst()).contains("You asked", "Question 1");
        assertThat(kept).contains("Question 2", "Question 26").doesNotContain("Question 1", "Message 89");

        _click(loadEarlier());

        assertThat(texts()).hasSize(101).startsWith("Message 41").contains("Message 89", "Question 1")
                .endsWith("Question 26", texts().getLast());
        assertThat(texts().getLast()).contains("You asked", "Question 26");
    }

    private static void ask(String question) {
        com.chatshare.UserInput.enter(_get(com.vaadin.flow.component.textfield.TextArea.class,
                spec -> spec.withId("message-input")), question);
        _click(_get(Button.class, spec -> spec.withId("send")));
        ChatViewTest.awaitUntil(() -> !_find(Button.class, spec -> spec.withId("send")).isEmpty()
                && texts().getLast().contains("You asked") && texts().getLast().contains(question));
    }

    private static Button loadEarlier() {
        return _get(Button.class, spec -> spec.withId("load-earlier"));
    }

    private static List<String> texts() {
        return _get(ChatMessages.class).entries().stream().map(MessageEntry::getText).toList();
    }
}
