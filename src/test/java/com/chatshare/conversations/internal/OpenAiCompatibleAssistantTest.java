package com.chatshare.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.AssistantProperties;
import com.chatshare.conversations.AssistantUnavailableException;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.MessageRole;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible adapter against a fake server speaking the chat completions protocol. */
class OpenAiCompatibleAssistantTest {

    MockWebServer server;
    Assistant assistant;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        assistant = assistantWithTimeout(Duration.ofSeconds(5));
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    @Test
    void streamed_chunks_arrive_in_order() throws Exception {
        server.enqueue(FakeOpenAi.stream("Hel", "lo, ", "**world**", "!"));

        List<String> pieces = assistant.reply(List.of(new ChatTurn(MessageRole.USER, "Say hello"))).collectList()
                .block(Duration.ofSeconds(10));

        assertThat(pieces).containsExactly("Hel", "lo, ", "**world**", "!");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-key");
        String body = request.getBody().readUtf8();
        assertThat(body).contains("\"stream\":true", "\"model\":\"test-model\"", "Say hello");
    }

    @Test
    void the_whole_history_is_sent() throws Exception {
        server.enqueue(FakeOpenAi.stream("ok"));

        assistant.reply(List.of(new ChatTurn(MessageRole.USER, "first question"),
                new ChatTurn(MessageRole.ASSISTANT, "first answer"),
                new ChatTurn(MessageRole.USER, "second question"))).blockLast(Duration.ofSeconds(10));

        String body = server.takeRequest(5, TimeUnit.SECONDS).getBody().readUtf8();
        assertThat(body).contains("first question", "first answer", "second question");
    }

    @Test
    void http_500_is_reported_as_a_service_error() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"error\":{\"message\":\"boom\"}}"));

        assertThatThrownBy(() -> assistant.reply(List.of(new ChatTurn(MessageRole.USER, "hi")))
                .blockLast(Duration.ofSeconds(10)))
                .isInstanceOf(AssistantUnavailableException.class)
                .hasMessage("The assistant service returned an error.");
    }

    @Test
    void a_malformed_stream_is_reported_as_an_error() {
        server.enqueue(new MockResponse()
                .setHeader("Content-Type", "text/event-stream")
                .setBody("data: {this is not json\n\ndata: [DONE]\n\n"));

        assertThatThrownBy(() -> assistant.reply(List.of(new ChatTurn(MessageRole.USER, "hi")))
                .blockLast(Duration.ofSeconds(10)))
                .isInstanceOf(AssistantUnavailableException.class);
    }

    @Test
    void a_slow_server_times_out() {
        assistant = assistantWithTimeout(Duration.ofMillis(500));
        server.enqueue(FakeOpenAi.stream("too", "late").setHeadersDelay(3, TimeUnit.SECONDS));

        assertThatThrownBy(() -> assistant.reply(List.of(new ChatTurn(MessageRole.USER, "hi")))
                .blockLast(Duration.ofSeconds(20)))
                .isInstanceOf(AssistantUnavailableException.class)
                .hasMessage("The assistant did not answer in time.");
    }

    @Test
    void every_request_caps_the_answer_with_max_tokens() throws Exception {
        server.enqueue(FakeOpenAi.stream("ok"));

        assistant.reply(List.of(new ChatTurn(MessageRole.USER, "hi"))).blockLast(Duration.ofSeconds(10));

        String body = server.takeRequest().getBody().readUtf8();
        assertThat(body).containsPattern("\"max_(completion_)?tokens\"\\s*:\\s*4096");
    }

    @Test
    void the_settings_never_print_the_key_or_credentials_in_the_url() {
        AssistantProperties properties = new AssistantProperties("https://user:hunter2@api.example.com/v1?key=s3cret",
                "sk-very-secret", "m", Duration.ofSeconds(1), Duration.ZERO, 10, 20);

        assertThat(properties.toString()).doesNotContain("sk-very-secret", "hunter2", "s3cret")
                .contains("https://api.example.com/v1");
        assertThat(properties.baseUrlForLog()).isEqualTo("https://api.example.com/v1");
    }

    @Test
    void an_unreachable_server_is_reported_as_such() throws IOException {
        String url = server.url("/v1").toString();
        server.shutdown();
        Assistant unreachable = new AssistantConfiguration().assistant(
                new AssistantProperties(url, "test-key", "test-model", Duration.ofSeconds(2), Duration.ZERO, 4096, 1000));

        assertThatThrownBy(() -> unreachable.reply(List.of(new ChatTurn(MessageRole.USER, "hi")))
                .blockLast(Duration.ofSeconds(20)))
                .isInstanceOf(AssistantUnavailableException.class)
                .hasMessage("Could not reach the assistant service.");
    }

    private Assistant assistantWithTimeout(Duration timeout) {
        return new AssistantConfiguration().assistant(new AssistantProperties(
                server.url("/v1").toString(), "test-key", "test-model", timeout, Duration.ZERO, 4096, 1000));
    }
}
