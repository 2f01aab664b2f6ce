package com.chatshare.conversations.ui;

import static com.chatshare.conversations.ui.ChatViewTest.awaitUntil;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.UserInput;
import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.internal.FakeOpenAi;
import com.chatshare.conversations.internal.SwitchableAssistant;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/** An answer streamed from a fake OpenAI-compatible server ends exactly as a reload shows it. */
class StreamedAnswerTest extends KaribuTest {

    MockWebServer server;

    @Autowired
    SwitchableAssistant assistant;

    @Autowired
    ConversationService service;

    @Autowired
    MarkdownRenderer markdown;

    @Autowired
    UserDetailsService users;

    @BeforeEach
    void startFakeServer() throws IOException {
        server = new MockWebServer();
        server.start();
        assistant.useEndpoint(server.url("/v1").toString(), "fake-model", Duration.ofSeconds(5));
        login("alice");
        UI.getCurrent().navigate(ChatView.class);
    }

    @AfterEach
    void stopFakeServer() throws IOException {
        assistant.useDemo();
        server.shutdown();
    }

    @Test
    void a_streamed_answer_ends_with_exactly_the_html_of_a_reload() {
        server.enqueue(FakeOpenAi.stream(pieces(StreamedEntryTest.ANSWER).toArray(String[]::new))
                .throttleBody(1000, 100, TimeUnit.MILLISECONDS));

        UserInput.enter(_get(TextArea.class, spec -> spec.withId("message-input")), "Explain the install");
        _click(_get(Button.class, spec -> spec.withId("send")));

        // While it is written, its tail shows in an element of its own, gone when the answer is over.
        awaitUntil(() -> hasTail(lastEntry()));
        awaitUntil(() -> sendVisible() && !hasTail(lastEntry()));

        String streamed = content(lastEntry()).getProperty("innerHTML");
        assertThat(streamed).contains("<a href=\"https://example.com/guide\"", "<blockquote>", "make install");

        ChatMessage stored = storedMessages().getLast();
        assertThat(stored.content()).isEqualTo(StreamedEntryTest.ANSWER);
        UI.getCurrent().navigate(ChatView.class);
        UI.getCurrent().navigate("chat/" + newest().id());
        assertThat(content(lastEntry()).getProperty("innerHTML"))
                .isEqualTo(streamed)
                .isEqualTo(markdown.messageHtml(stored.content(), false));
    }

    private boolean sendVisible() {
        return !_find(Button.class, spec -> spec.withId("send")).isEmpty();
    }

    private static MessageEntry lastEntry() {
        return _get(ChatMessages.class).entries().getLast();
    }

    private static Element content(MessageEntry entry) {
        return entry.getChildren().toList().getLast().getChildren().toList().get(1).getElement();
    }

    private static boolean hasTail(MessageEntry entry) {
        return entry.getChildren().toList().getLast().getChildren()
                .anyMatch(part -> part.getClassNames().contains("chat-message-tail"));
    }

    private ConversationSummary newest() {
        SignedIn.as(users, "alice");
        return service.findConversations(PageRequest.of(0, 1)).getContent().getFirst();
    }

    private List<ChatMessage> storedMessages() {
        return service.findMessages(newest().id());
    }

    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\S+\\s*|\\s+").matcher(text);
        while (matcher.find()) {
            pieces.add(matcher.group());
        }
        return pieces;
    }
}
