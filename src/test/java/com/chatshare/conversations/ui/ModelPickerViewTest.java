package com.chatshare.conversations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.UserInput;
import com.chatshare.accounts.AccountService;
import com.chatshare.accounts.Registration;
import com.chatshare.conversations.ConversationService;
import com.chatshare.conversations.CustomInstructions;
import com.chatshare.conversations.internal.FakeEndpoint;
import com.chatshare.conversations.internal.SwitchableAssistant;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The model picker in the chat header and the custom instructions in the user menu, clicked as a
 * person does, with a fake OpenAI-compatible endpoint listing three models.
 */
class ModelPickerViewTest extends KaribuTest {

    private static final AtomicInteger counter = new AtomicInteger();

    @Autowired
    SwitchableAssistant assistant;

    @Autowired
    ConversationService service;

    @Autowired
    CustomInstructions instructions;

    @Autowired
    AccountService accounts;

    MockWebServer server;
    FakeEndpoint endpoint;

    @BeforeEach
    void fakeEndpointAndFreshUser() throws IOException {
        server = new MockWebServer();
        endpoint = new FakeEndpoint("model-a", "model-b", "model-c");
        server.setDispatcher(endpoint);
        server.start();
        useEndpoint();
        String user = "picker-" + counter.incrementAndGet() + "-" + System.nanoTime();
        accounts.register(new Registration(user, "Pia Picker", "long-enough-password"));
        login(user);
        UI.getCurrent().navigate(ChatView.class);
    }

    private void useEndpoint() {
        assistant.useEndpointWithModels(server.url("/v1").toString(), "model-a", Duration.ofSeconds(5));
    }

    @AfterEach
    void stopFakeServer() throws IOException {
        assistant.useDemo();
        server.shutdown();
    }

    @SuppressWarnings("unchecked")
    private static Select<String> picker() {
        return _get(Select.class, spec -> spec.withId("model-picker"));
    }

    private static TextArea input() {
        return _get(TextArea.class, spec -> spec.withId("message-input"));
    }

    private void send(String text) {
        UserInput.enter(input(), text);
        _click(_get(Button.class, spec -> spec.withId("send")));
    }

    private static boolean answered() {
        return !_find(Button.class, spec -> spec.withId("send")).isEmpty()
                && _get(ChatMessages.class).entries().getLast().getText().contains("the answer.");
    }

    @Test
    void a_model_picked_in_the_header_answers_and_is_named_beside_the_answer() {
        send("Which model are you?");
        ChatViewTest.awaitUntil(ModelPickerViewTest::answered);
        assertThat(picker().getListDataView().getItems().toList()).containsExactly("model-a", "model-b", "model-c");
        assertThat(picker().getValue()).isEqualTo("model-a");
        assertThat(picker().getAriaLabel()).contains("Model");
        MessageEntry first = _get(ChatMessages.class).entries().getLast();
        assertThat(first.getUserName()).as("the default model is the assistant's own name").isEqualTo("model-a");

        UserInput.enter(picker(), "model-b");
        send("And now?");
        ChatViewTest.awaitUntil(() -> answered() && _get(ChatMessages.class).entries().size() == 4);

        MessageEntry answer = _get(ChatMessages.class).entries().getLast();
        assertThat(answer.getUserName()).isEqualTo("Assistant");
        assertThat(answer.getModel()).isEqualTo("model-b");
        assertThat(endpoint.lastChatRequest()).contains("\"model\":\"model-b\"");
        long chatId = service.findConversations(org.springframework.data.domain.PageRequest.of(0, 1))
                .getContent().getFirst().id();
        assertThat(service.chosenModel(chatId)).contains("model-b");

        UI.getCurrent().navigate(ChatView.class);
        UI.getCurrent().navigate("chat/" + chatId);
        assertThat(picker().getValue()).as("the chat remembers its model").isEqualTo("model-b");
        assertThat(_get(ChatMessages.class).entries().getLast().getModel()).isEqualTo("model-b");
    }

    @Test
    void a_model_the_endpoint_stopped_offering_keeps_the_typed_text_with_a_clear_message() {
        send("First");
        ChatViewTest.awaitUntil(ModelPickerViewTest::answered);
        UserInput.enter(picker(), "model-c");
        endpoint.models = List.of("model-a", "model-b");
        useEndpoint();

        send("A question I typed with care");

        assertThat(input().getValue()).isEqualTo("A question I typed with care");
        assertThat(input().isInvalid()).isTrue();
        assertThat(input().getErrorMessage()).isEqualTo("The model model-c is no longer offered; choose another.");
        assertThat(_get(ChatMessages.class).entries()).hasSize(2);
    }

    @Test
    void an_endpoint_without_a_models_list_says_so_in_the_picker_and_the_chat_still_answers() throws IOException {
        server.shutdown();
        server = new MockWebServer();
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                return request.getPath().endsWith("/models")
                        ? new okhttp3.mockwebserver.MockResponse().setBody("<html>not json</html>")
                        : endpoint.dispatch(request);
            }
        });
        server.start();
        useEndpoint();

        send("Are you there?");
        ChatViewTest.awaitUntil(ModelPickerViewTest::answered);

        assertThat(picker().getHelperText()).isEqualTo("Models could not be loaded; using model-a.");
        assertThat(picker().getListDataView().getItems().toList()).containsExactly("model-a");
        assertThat(endpoint.lastChatRequest()).contains("\"model\":\"model-a\"");
    }

    @Test
    void custom_instructions_are_written_in_the_user_menu_and_too_long_ones_stay_in_the_field() {
        ContextMenuKt._clickItemWithCaption(_get(MenuBar.class, spec -> spec.withId("user-menu")), "Custom instructions");
        _get(Dialog.class, spec -> spec.withId("custom-instructions-dialog"));
        TextArea text = _get(TextArea.class, spec -> spec.withId("custom-instructions"));
        String tooLong = "y".repeat(CustomInstructions.MAX_LENGTH + 5);

        UserInput.enter(text, tooLong);
        _click(_get(Button.class, spec -> spec.withId("custom-instructions-save")));

        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).startsWith(CustomInstructions.TOO_LONG_MESSAGE);
        assertThat(text.getValue()).isEqualTo(tooLong);
        assertThat(instructions.current()).isEmpty();

        UserInput.enter(text, "Answer briefly. KARIBU-MARKER");
        _click(_get(Button.class, spec -> spec.withId("custom-instructions-save")));

        assertThat(_find(Dialog.class, spec -> spec.withId("custom-instructions-dialog"))).isEmpty();
        assertThat(instructions.current()).isEqualTo("Answer briefly. KARIBU-MARKER");
        send("Hello");
        ChatViewTest.awaitUntil(ModelPickerViewTest::answered);
        assertThat(endpoint.lastChatRequest()).contains("KARIBU-MARKER");

        ContextMenuKt._clickItemWithCaption(_get(MenuBar.class, spec -> spec.withId("user-menu")), "Custom instructions");
        TextArea again = _get(TextArea.class, spec -> spec.withId("custom-instructions"));
        assertThat(again.getValue()).isEqualTo("Answer briefly. KARIBU-MARKER");

        // Esc (or a click outside) does not throw away what was typed.
        UserInput.enter(again, "Answer briefly, in French.");
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("custom-instructions-dialog"));
        ComponentUtil.fireEvent(dialog, new Dialog.DialogCloseActionEvent(dialog, true));
        assertThat(_find(Dialog.class, spec -> spec.withId("custom-instructions-dialog"))).hasSize(1);
        assertThat(again.getValue()).isEqualTo("Answer briefly, in French.");
        assertThat(again.getErrorMessage()).startsWith("Not saved yet");
    }
}
