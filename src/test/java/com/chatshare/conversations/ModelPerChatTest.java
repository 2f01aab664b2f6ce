package com.chatshare.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.chatshare.IntegrationTest;
import com.chatshare.SignedIn;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.internal.FakeEndpoint;
import com.chatshare.conversations.internal.SwitchableAssistant;
import com.chatshare.datacontrols.DataExport;
import com.chatshare.sharing.ShareDetails;
import com.chatshare.sharing.ShareRequest;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareVisibility;
import com.chatshare.sharing.SharedChatService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A model per chat and custom instructions, through the services and a fake OpenAI-compatible
 * endpoint: the choice is kept and used, a tampered or vanished model is refused with nothing
 * lost, each answer records its model, and the instructions reach the assistant but nothing that
 * shares or copies a chat.
 */
@IntegrationTest
class ModelPerChatTest {

    static final AtomicInteger users = new AtomicInteger();

    @Autowired
    ConversationService conversations;

    @Autowired
    CustomInstructions instructions;

    @Autowired
    ShareService shares;

    @Autowired
    SharedChatService sharedChats;

    @Autowired
    DataExport export;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    SwitchableAssistant assistant;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    MockWebServer server;
    FakeEndpoint endpoint;

    @BeforeEach
    void fakeEndpoint() throws IOException {
        server = new MockWebServer();
        endpoint = new FakeEndpoint("model-a", "model-b", "model-c");
        server.setDispatcher(endpoint);
        server.start();
        useEndpoint();
    }

    /** A fresh adapter, so the models list is asked for again. */
    private void useEndpoint() {
        assistant.useEndpointWithModels(server.url("/v1").toString(), "model-a", Duration.ofSeconds(5));
    }

    @AfterEach
    void reset() throws IOException {
        assistant.useDemo();
        SignedIn.signOut();
        server.shutdown();
    }

    private String newUser() {
        String name = "models-" + users.incrementAndGet() + "-" + System.nanoTime();
        accounts.register(new Registration(name, "Model Tester", "long-enough-password"));
        SignedIn.as(userDetails, name);
        return name;
    }

    private ChatMessage answer(long chatId) {
        conversations.streamReply(chatId).tokens().blockLast(Duration.ofSeconds(10));
        return conversations.findMessages(chatId).getLast();
    }

    @Test
    void the_picker_lists_the_endpoint_s_models_with_the_configured_one_as_default() {
        newUser();

        ModelOptions options = conversations.modelOptions();

        assertThat(options.models()).containsExactly("model-a", "model-b", "model-c");
        assertThat(options.defaultModel()).isEqualTo("model-a");
        assertThat(options.problem()).isNull();
    }

    @Test
    void the_chosen_model_is_kept_per_chat_named_in_the_request_and_recorded_on_the_answer() {
        newUser();
        ConversationSummary chosen = conversations.startConversation("Which model am I talking to?");
        ConversationSummary other = conversations.startConversation("And here?");

        conversations.chooseModel(chosen.id(), "model-b");
        ChatMessage answer = answer(chosen.id());

        assertThat(endpoint.lastChatRequest()).contains("\"model\":\"model-b\"").doesNotContain("model-a");
        assertThat(answer.role()).isEqualTo(MessageRole.ASSISTANT);
        assertThat(answer.model()).isEqualTo("model-b");
        assertThat(conversations.chosenModel(chosen.id())).contains("model-b");
        assertThat(conversations.chosenModel(other.id())).as("another chat keeps the default").isEmpty();
        assertThat(answer(other.id()).model()).isEqualTo("model-a");
        assertThat(endpoint.lastChatRequest()).contains("\"model\":\"model-a\"");
        assertThat(conversations.findMessages(chosen.id()).getFirst().model()).as("a question has no model").isNull();
    }

    @Test
    void a_tampered_model_is_refused_and_the_chat_keeps_its_own() {
        newUser();
        ConversationSummary chat = conversations.startConversation("Try something else");
        conversations.chooseModel(chat.id(), "model-c");

        assertThatThrownBy(() -> conversations.chooseModel(chat.id(), "gpt-99-unlimited\"><script>"))
                .isInstanceOf(InvalidChatInputException.class)
                .hasMessage("That model is not offered here; choose one from the list.");
        assertThat(conversations.chosenModel(chat.id())).contains("model-c");
    }

    @Test
    void someone_else_s_chat_cannot_get_a_model() {
        newUser();
        ConversationSummary chat = conversations.startConversation("Mine");
        newUser();

        assertThatThrownBy(() -> conversations.chooseModel(chat.id(), "model-b"))
                .isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void a_model_no_longer_offered_refuses_the_message_storing_nothing() {
        newUser();
        ConversationSummary chat = conversations.startConversation("First question");
        conversations.chooseModel(chat.id(), "model-c");
        endpoint.models = List.of("model-a", "model-b");
        useEndpoint();

        assertThatThrownBy(() -> conversations.postUserMessage(chat.id(), "Second question"))
                .isInstanceOf(InvalidChatInputException.class)
                .hasMessage("The model model-c is no longer offered; choose another.");
        assertThat(conversations.findMessages(chat.id())).extracting(ChatMessage::content)
                .containsExactly("First question");
        assertThatThrownBy(() -> conversations.streamReply(chat.id()))
                .isInstanceOf(InvalidChatInputException.class);

        conversations.chooseModel(chat.id(), "model-b");
        conversations.postUserMessage(chat.id(), "Second question");
        assertThat(answer(chat.id()).model()).isEqualTo("model-b");
    }

    @Test
    void an_endpoint_that_cannot_list_its_models_leaves_the_chat_answered_by_the_default() throws IOException {
        newUser();
        ConversationSummary chat = conversations.startConversation("Still there?");
        conversations.chooseModel(chat.id(), "model-b");
        server.shutdown();
        MockWebServer broken = new MockWebServer();
        broken.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                return request.getPath().endsWith("/models")
                        ? new okhttp3.mockwebserver.MockResponse().setResponseCode(503)
                        : endpoint.dispatch(request);
            }
        });
        broken.start();
        server = broken;
        useEndpoint();

        ModelOptions options = conversations.modelOptions();
        assertThat(options.problem()).isEqualTo("Models could not be loaded; using model-a.");
        assertThat(options.models()).containsExactly("model-a");
        conversations.postUserMessage(chat.id(), "Are you?");
        assertThat(answer(chat.id()).model()).isEqualTo("model-a");
        assertThat(endpoint.lastChatRequest()).contains("\"model\":\"model-a\"");
    }

    @Test
    void custom_instructions_go_to_the_assistant_as_the_system_message_of_every_request() {
        newUser();
        instructions.change("  Always answer in haiku. MARKER-instr-1  ");
        assertThat(instructions.current()).isEqualTo("Always answer in haiku. MARKER-instr-1");
        ConversationSummary chat = conversations.startConversation("Tell me about autumn");

        answer(chat.id());

        assertThat(endpoint.lastChatRequest())
                .containsPattern("\"role\"\\s*:\\s*\"system\"")
                .contains("Always answer in haiku. MARKER-instr-1");
        assertThat(endpoint.lastChatRequest().indexOf("MARKER-instr-1"))
                .isLessThan(endpoint.lastChatRequest().indexOf("Tell me about autumn"));
    }

    @Test
    void instructions_are_each_person_s_own() {
        newUser();
        instructions.change("Only mine. MARKER-instr-2");
        newUser();
        assertThat(instructions.current()).isEmpty();
        ConversationSummary chat = conversations.startConversation("Hello");

        answer(chat.id());

        assertThat(endpoint.lastChatRequest()).doesNotContain("MARKER-instr-2").doesNotContain("\"system\"");
    }

    @Test
    void two_tabs_saving_first_instructions_at_once_both_succeed_and_one_text_is_kept() throws Exception {
        for (int round = 0; round < 8; round++) {
            String name = newUser();
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.List<java.util.concurrent.Future<String>> tabs = new java.util.ArrayList<>();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                for (String tab : new String[] {"From the first tab.", "From the second tab."}) {
                    tabs.add(pool.submit(() -> {
                        SignedIn.as(userDetails, name);
                        together.await(5, java.util.concurrent.TimeUnit.SECONDS);
                        return instructions.change(tab);
                    }));
                }
                for (var saved : tabs) {
                    assertThat(saved.get(10, java.util.concurrent.TimeUnit.SECONDS)).startsWith("From the");
                }
            }
            assertThat(instructions.current()).isIn("From the first tab.", "From the second tab.");
        }
    }

    @Test
    void instructions_over_the_limit_are_refused_with_a_clear_message_and_the_old_ones_kept() {
        newUser();
        instructions.change("Short ones.");

        assertThatThrownBy(() -> instructions.change("x".repeat(CustomInstructions.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidChatInputException.class)
                .hasMessageStartingWith(CustomInstructions.TOO_LONG_MESSAGE);
        assertThat(instructions.current()).isEqualTo("Short ones.");
        instructions.change("   ");
        assertThat(instructions.current()).isEmpty();
    }

    @Test
    void instructions_never_reach_a_snapshot_its_page_and_markdown_an_export_or_a_continued_copy() throws Exception {
        String marker = "MARKER-secret-instructions-" + System.nanoTime();
        newUser();
        instructions.change("My bank PIN is 1234. " + marker);
        ConversationSummary chat = conversations.startConversation("Share this chat");
        conversations.chooseModel(chat.id(), "model-b");
        answer(chat.id());
        assertThat(endpoint.lastChatRequest()).as("the instructions were used").contains(marker);

        ShareDetails details = shares.share(ShareRequest.of(chat.id(), "Shared with a model", ShareVisibility.NAMED));
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        export.writeTo(exported);
        assertThat(exported.toString(StandardCharsets.UTF_8)).doesNotContain(marker).contains("model-b");
        String token = details.path().substring("/share/".length());
        newUser();
        ConversationSummary copy = sharedChats.continueConversation(token);
        assertThat(conversations.findMessages(copy.id())).extracting(ChatMessage::content)
                .noneMatch(content -> content.contains(marker));
        SignedIn.signOut();

        String page = mvc.perform(get(details.path())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String markdown = mvc.perform(get(details.path() + ".md")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain(marker).contains("Answered by model-b");
        assertThat(markdown).doesNotContain(marker).containsPattern("\\*Answered by model\\\\?-b\\*");
        List<String> stored = jdbc.queryForList("select concat(content, ' ', coalesce(model, '')) from snapshot_message "
                + "where share_link_id = (select id from share_link where token = ?)", String.class, token);
        assertThat(stored).isNotEmpty().noneMatch(row -> row.contains(marker)).anyMatch(row -> row.endsWith("model-b"));
    }

    @Test
    void a_model_name_is_text_on_the_public_page_never_markup() throws Exception {
        String evil = "<img src=x onerror=alert(1)>";
        endpoint.models = List.of("model-a", evil);
        useEndpoint();
        newUser();
        ConversationSummary chat = conversations.startConversation("Escape me");
        conversations.chooseModel(chat.id(), evil);
        answer(chat.id());
        ShareDetails details = shares.share(ShareRequest.of(chat.id(), "Escaped", ShareVisibility.ANONYMOUS));
        SignedIn.signOut();

        String page = mvc.perform(get(details.path())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).doesNotContain(evil).contains("Answered by &lt;img src=x onerror=alert(1)&gt;");
    }
}
