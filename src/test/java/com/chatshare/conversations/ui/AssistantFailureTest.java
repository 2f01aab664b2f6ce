package com.chatshare.conversations.ui;

import static com.chatshare.conversations.ui.ChatViewTest.awaitUntil;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.SignedIn;
import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.ConversationSummary;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.MessageStatus;
import com.chatshare.conversations.internal.FakeOpenAi;
import com.chatshare.conversations.internal.SwitchableAssistant;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The chat against a fake OpenAI-compatible server that fails in the ways real ones do. Whatever
 * happens, the user's message is stored, what arrived is kept, and Retry works.
 */
class AssistantFailureTest extends KaribuTest {

    MockWebServer server;

    @Autowired
    SwitchableAssistant assistant;

    @BeforeEach
    void startFakeServer() throws IOException {
        server = new MockWebServer();
        server.start();
        assistant.useEndpoint(server.url("/v1").toString(), "fake-model", Duration.ofSeconds(2));
        login("alice");
        UI.getCurrent().navigate(ChatView.class);
    }

    @AfterEach
    void stopFakeServer() throws IOException {
        assistant.useDemo();
        server.shutdown();
    }

    @Autowired
    ConversationService service;

    @Autowired
    UserDetailsService users;

    @Test
    void http_500_keeps_the_message_shows_the_error_and_retry_gets_the_answer() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"error\":{\"message\":\"boom\"}}"));

        send("Question that meets a broken server");
        awaitError();

        assertThat(errorText()).contains("The assistant service returned an error.");
        assertThat(storedMessages()).first().satisfies(m -> {
            assertThat(m.role()).isEqualTo(MessageRole.USER);
            assertThat(m.content()).isEqualTo("Question that meets a broken server");
        });
        assertThat(storedMessages().getLast().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(_get(ChatMessages.class).entries().getLast().getUserName()).isEqualTo("fake-model · incomplete");

        server.enqueue(FakeOpenAi.stream("Second ", "time ", "lucky."));
        _click(_get(Button.class, spec -> spec.withId("retry")));
        awaitUntil(() -> sendVisible() && "Second time lucky.".equals(lastItem().getText()));

        assertThat(_find(Div.class, spec -> spec.withId("assistant-error"))).isEmpty();
        assertThat(storedMessages().getLast().status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(storedMessages().getLast().content()).isEqualTo("Second time lucky.");
    }

    @Test
    void a_slow_server_times_out_with_a_clear_message_and_the_user_can_keep_chatting() {
        server.enqueue(FakeOpenAi.stream("too late").setHeadersDelay(5, TimeUnit.SECONDS));

        send("Question for a slow server");
        // The server holds its answer back (longer than the 2 s timeout): meanwhile the chat says it waits.
        assertThat(_get(Span.class, spec -> spec.withId("assistant-answering")).getText())
                .isEqualTo("The assistant is writing…");
        awaitError();

        assertThat(errorText()).contains("The assistant did not answer in time.");
        assertThat(_find(Span.class, spec -> spec.withId("assistant-answering"))).isEmpty();
        assertThat(storedMessages().getFirst().content()).isEqualTo("Question for a slow server");

        server.enqueue(FakeOpenAi.stream("Back again."));
        send("Are you there?");
        awaitUntil(() -> sendVisible() && "Back again.".equals(lastItem().getText()));
    }

    @Test
    void a_malformed_stream_shows_the_error() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody("data: {not json at all\n\n"));

        send("Question for a garbled server");
        awaitError();

        assertThat(errorText()).contains("The assistant");
        assertThat(storedMessages().getFirst().content()).isEqualTo("Question for a garbled server");
    }

    @Test
    void a_connection_dropped_mid_answer_keeps_what_arrived() {
        server.enqueue(FakeOpenAi.stream("Partial ", "answer ", "that ", "never ", "ends")
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        send("Question for a flaky server");
        awaitError();

        ChatMessage answer = storedMessages().getLast();
        assertThat(answer.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(lastItem().getUserName()).endsWith("incomplete");
        assertThat(lastItem().getText()).isEqualTo(answer.content());
    }

    @Test
    void stop_ends_generation_and_keeps_what_arrived() {
        server.enqueue(FakeOpenAi.stream("A ", "long ", "answer ", "that ", "takes ", "a ", "while ", "to ", "arrive")
                .throttleBody(64, 300, TimeUnit.MILLISECONDS));

        send("Tell me a long story");
        awaitUntil(() -> !_find(Button.class, spec -> spec.withId("stop")).isEmpty());
        _click(_get(Button.class, spec -> spec.withId("stop")));

        assertThat(sendVisible()).isTrue();
        ChatMessage answer = storedMessages().getLast();
        assertThat(answer.status()).isEqualTo(MessageStatus.STOPPED);
        assertThat(lastItem().getUserName()).isEqualTo("fake-model · stopped");
        assertThat(lastItem().getText()).isEqualTo(answer.content());
        assertThat(answer.content()).doesNotContain("arrive");
    }

    private void send(String text) {
        _get(TextArea.class, spec -> spec.withId("message-input")).setValue(text);
        _click(_get(Button.class, spec -> spec.withId("send")));
    }

    private void awaitError() {
        awaitUntil(() -> !_find(Div.class, spec -> spec.withId("assistant-error")).isEmpty() && sendVisible());
    }

    private String errorText() {
        return _get(Div.class, spec -> spec.withId("assistant-error")).getElement().getTextRecursively();
    }

    private boolean sendVisible() {
        return !_find(Button.class, spec -> spec.withId("send")).isEmpty();
    }

    private MessageEntry lastItem() {
        return _get(ChatMessages.class).entries().getLast();
    }

    private List<ChatMessage> storedMessages() {
        SignedIn.as(users, "alice");
        ConversationSummary newest = service.findConversations(PageRequest.of(0, 1)).getContent().getFirst();
        return service.findMessages(newest.id());
    }
}
