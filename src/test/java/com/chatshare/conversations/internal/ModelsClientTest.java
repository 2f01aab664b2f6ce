package com.chatshare.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatshare.conversations.Assistant;
import com.chatshare.conversations.AssistantProperties;
import com.chatshare.conversations.AssistantRequest;
import com.chatshare.conversations.AssistantUnavailableException;
import com.chatshare.conversations.ChatTurn;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.ModelOptions;
import com.chatshare.conversations.ModelSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The models list of an OpenAI-compatible endpoint against a fake server: read, kept, filtered by
 * the allow-list, and every way it can go wrong ending in the default with a clear message.
 */
class ModelsClientTest {

    static final ModelSettings NO_SETTINGS = new ModelSettings(List.of(), null, Duration.ofMinutes(5));

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
    void the_endpoint_s_models_are_listed_by_name_with_the_configured_model_as_default() throws Exception {
        server.enqueue(FakeModels.list("zeta-large", "test-model", "alpha-mini"));

        ModelOptions options = AssistantReplies.modelOptions(assistant, NO_SETTINGS);

        assertThat(options.models()).containsExactly("alpha-mini", "test-model", "zeta-large");
        assertThat(options.defaultModel()).isEqualTo("test-model");
        assertThat(options.problem()).isNull();
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/models");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-key");
    }

    @Test
    void the_list_is_kept_so_the_endpoint_is_asked_once() {
        server.enqueue(FakeModels.list("one", "two"));
        server.enqueue(FakeModels.list("three"));

        assertThat(assistant.models()).containsExactly("one", "two");
        assertThat(assistant.models()).containsExactly("one", "two");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void while_one_caller_asks_a_slow_endpoint_again_the_others_go_on_with_the_old_list() throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-12-07T12:00:00Z"));
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        ModelsClient client = new ModelsClient(server.url("/v1").toString(), "k", Duration.ofSeconds(5),
                Duration.ofMinutes(5), clock);
        server.enqueue(FakeModels.list("old"));
        assertThat(client.models()).containsExactly("old");

        now.set(now.get().plus(Duration.ofMinutes(6)));
        server.enqueue(FakeModels.list("new").setBodyDelay(2, TimeUnit.SECONDS));
        var refreshing = java.util.concurrent.CompletableFuture.supplyAsync(client::models);
        while (server.getRequestCount() < 2) {
            Thread.sleep(10);
        }
        assertThat(client.models()).as("the old list, not a second request").containsExactly("old");
        assertThat(refreshing.get(10, TimeUnit.SECONDS)).containsExactly("new");
        assertThat(client.models()).containsExactly("new");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void the_allow_list_leaves_out_every_other_model_and_the_default_is_the_configured_one() {
        server.enqueue(FakeModels.list("cheap", "expensive", "test-model", "secret-preview"));
        ModelSettings settings = new ModelSettings(List.of("cheap", "test-model", "not-listed"), "cheap",
                Duration.ofMinutes(5));

        ModelOptions options = AssistantReplies.modelOptions(assistant, settings);

        assertThat(options.models()).containsExactly("cheap", "test-model");
        assertThat(options.defaultModel()).isEqualTo("cheap");
        assertThat(options.offers("expensive")).isFalse();
        assertThat(options.offers("not-listed")).as("allowed, but the endpoint does not offer it").isFalse();
    }

    @Test
    void a_default_the_endpoint_does_not_offer_gives_way_to_the_configured_model() {
        server.enqueue(FakeModels.list("a", "test-model"));

        ModelOptions options = AssistantReplies.modelOptions(assistant,
                new ModelSettings(List.of(), "gone", Duration.ofMinutes(5)));

        assertThat(options.defaultModel()).isEqualTo("test-model");
    }

    @Test
    void a_list_over_one_mebibyte_is_refused_unread() {
        String name = "m".repeat(150);
        String[] ids = IntStream.range(0, 8_000).mapToObj(i -> name + i).toArray(String[]::new);
        String body = FakeModels.body(ids);
        assertThat(body.length()).isGreaterThan(ModelsClient.MAX_BYTES);
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));

        assertThatThrownBy(assistant::models).isInstanceOf(AssistantUnavailableException.class)
                .hasMessageContaining("larger than 1024 KiB");
        ModelOptions options = AssistantReplies.modelOptions(assistant, NO_SETTINGS);
        assertThat(options.models()).containsExactly("test-model");
        assertThat(options.problem()).isEqualTo("Models could not be loaded; using test-model.");
    }

    @Test
    void a_list_of_more_than_five_hundred_models_is_refused() {
        server.enqueue(FakeModels.list(IntStream.range(0, ModelsClient.MAX_MODELS + 1)
                .mapToObj(i -> "model-" + i).toArray(String[]::new)));

        assertThatThrownBy(assistant::models).isInstanceOf(AssistantUnavailableException.class)
                .hasMessageContaining("lists 501 models");
    }

    @Test
    void five_hundred_models_are_read() {
        server.enqueue(FakeModels.list(IntStream.range(0, ModelsClient.MAX_MODELS)
                .mapToObj(i -> "model-" + i).toArray(String[]::new)));

        assertThat(assistant.models()).hasSize(ModelsClient.MAX_MODELS);
    }

    @Test
    void a_malformed_list_says_models_could_not_be_loaded() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"data\": [oops"));

        assertThatThrownBy(assistant::models).isInstanceOf(AssistantUnavailableException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void a_list_without_data_or_with_no_usable_names_is_refused() {
        server.enqueue(FakeModels.list());
        assertThatThrownBy(assistant::models).isInstanceOf(AssistantUnavailableException.class)
                .hasMessageContaining("no models");

        ModelsClient fresh = new ModelsClient(server.url("/v1").toString(), "k", Duration.ofSeconds(5),
                Duration.ofMinutes(5), java.time.Clock.systemUTC());
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"models\":[]}"));
        assertThatThrownBy(fresh::models).isInstanceOf(AssistantUnavailableException.class)
                .hasMessageContaining("no \"data\" list");
    }

    @Test
    void names_with_control_characters_or_too_long_are_left_out() {
        server.enqueue(FakeModels.list("good", "bad\u0007bell", "x".repeat(ModelOptions.NAME_MAX_LENGTH + 1), " "));

        assertThat(assistant.models()).containsExactly("good");
    }

    @Test
    void a_server_error_leaves_the_default_with_a_clear_message() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"error\":\"boom\"}"));

        ModelOptions options = AssistantReplies.modelOptions(assistant, NO_SETTINGS);

        assertThat(options.models()).containsExactly("test-model");
        assertThat(options.defaultModel()).isEqualTo("test-model");
        assertThat(options.problem()).isEqualTo("Models could not be loaded; using test-model.");
        assertThat(options.effective("chosen-before")).as("the chat is answered by the default").isEqualTo("test-model");
    }

    @Test
    void a_slow_server_times_out_and_the_failure_is_kept_briefly() {
        assistant = assistantWithTimeout(Duration.ofMillis(500));
        server.enqueue(FakeModels.list("late").setHeadersDelay(3, TimeUnit.SECONDS));

        assertThatThrownBy(assistant::models).isInstanceOf(AssistantUnavailableException.class);
        assertThatThrownBy(assistant::models).isInstanceOf(AssistantUnavailableException.class);
        assertThat(server.getRequestCount()).as("a down endpoint is not asked again at once").isEqualTo(1);
    }

    @Test
    void the_demo_assistant_lists_itself() {
        ModelOptions options = AssistantReplies.modelOptions(new DemoAssistant(Duration.ZERO), NO_SETTINGS);

        assertThat(options.models()).containsExactly(DemoAssistant.NAME);
        assertThat(options.defaultModel()).isEqualTo(DemoAssistant.NAME);
        assertThat(options.problem()).isNull();
    }

    @Test
    void the_request_names_the_chosen_model_and_sends_the_instructions_as_system_message() throws Exception {
        server.enqueue(FakeOpenAi.stream("ok"));

        assistant.reply(new AssistantRequest("other-model", "Answer like a pirate.",
                List.of(new ChatTurn(MessageRole.USER, "hi")))).blockLast(Duration.ofSeconds(10));

        String body = server.takeRequest(5, TimeUnit.SECONDS).getBody().readUtf8();
        assertThat(body).contains("\"model\":\"other-model\"").doesNotContain("test-model");
        assertThat(body).containsPattern("\"role\"\\s*:\\s*\"system\"[^}]*Answer like a pirate\\.|Answer like a pirate\\.[^}]*\"role\"\\s*:\\s*\"system\"");
        assertThat(body.indexOf("Answer like a pirate.")).isLessThan(body.indexOf("\"hi\""));
    }

    @Test
    void no_instructions_send_no_system_message() throws Exception {
        server.enqueue(FakeOpenAi.stream("ok"));

        assistant.reply(new AssistantRequest("test-model", "  ", List.of(new ChatTurn(MessageRole.USER, "hi"))))
                .blockLast(Duration.ofSeconds(10));

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().readUtf8()).doesNotContain("\"system\"");
    }

    private Assistant assistantWithTimeout(Duration timeout) {
        return new AssistantConfiguration().assistant(new AssistantProperties(
                server.url("/v1").toString(), "test-key", "test-model", timeout, Duration.ZERO, 4096, 1000));
    }
}
