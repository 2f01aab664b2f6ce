package com.chatshare.conversations.ui;

import static com.chatshare.conversations.ui.ChatViewTest.awaitUntil;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.KaribuTest;
import com.chatshare.UserInput;
import com.chatshare.conversations.ConversationService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Edit, Regenerate and "‹ 2 / 3 ›" in the chat, clicked as a person clicks them (decision 0023). */
class ChatBranchesViewTest extends KaribuTest {

    @Autowired
    ConversationService service;

    @BeforeEach
    void signIn() {
        login("alice");
    }

    @Test
    void edit_saves_a_new_version_that_is_answered_and_the_switcher_flips_back() {
        UI.getCurrent().navigate(ChatView.class);
        send("Karibu branches: the first question");
        send("Karibu branches: the second question");

        MessageEntry second = entries().get(2);
        click(second, "Edit message");
        TextArea editor = _get(second, TextArea.class, spec -> spec.withClasses("message-editor-text"));
        assertThat(editor.getValue()).isEqualTo("Karibu branches: the second question");
        UserInput.enter(editor, "Karibu branches: the second question, edited");
        _click(_get(second, Button.class, spec -> spec.withText("Save")));
        awaitAnswered();

        assertThat(texts()).hasSize(4).contains("Karibu branches: the second question, edited")
                .doesNotContain("Karibu branches: the second question");
        assertThat(entries().get(3).getText()).contains("the second question, edited");
        assertThat(versionOf(entries().get(2))).isEqualTo("2 / 2");

        click(entries().get(2), "Previous version");

        assertThat(texts()).hasSize(4).contains("Karibu branches: the second question")
                .doesNotContain("Karibu branches: the second question, edited");
        assertThat(versionOf(entries().get(2))).isEqualTo("1 / 2");
        assertThat(button(entries().get(2), "Previous version").isEnabled()).isFalse();

        click(entries().get(2), "Next version");
        assertThat(texts()).contains("Karibu branches: the second question, edited");
    }

    @Test
    void cancel_restores_the_message_and_a_blank_edit_is_refused_with_the_text_kept() {
        UI.getCurrent().navigate(ChatView.class);
        send("Karibu cancel: keep me");
        MessageEntry question = entries().getFirst();

        click(question, "Edit message");
        TextArea editor = _get(question, TextArea.class, spec -> spec.withClasses("message-editor-text"));
        UserInput.enter(editor, "   ");
        _click(_get(question, Button.class, spec -> spec.withText("Save")));
        assertThat(editor.isInvalid()).isTrue();
        assertThat(editor.getErrorMessage()).isEqualTo("Type a message first.");
        assertThat(editor.getValue()).isEqualTo("   ");

        _click(_get(question, Button.class, spec -> spec.withText("Cancel")));
        assertThat(_find(question, TextArea.class)).isEmpty();
        assertThat(button(question, "Edit message").isVisible()).isTrue();
        long chat = service.search("Karibu cancel keep").getFirst().chat().id();
        assertThat(service.findMessageTree(chat)).as("nothing stored by the refused edit").hasSize(2);
    }

    @Test
    void regenerate_streams_a_second_version_and_the_switcher_shows_the_first_again() {
        UI.getCurrent().navigate(ChatView.class);
        send("Karibu regenerate: what next?");
        String first = entries().get(1).getText();

        click(entries().get(1), "Regenerate answer");
        awaitAnswered();

        assertThat(entries()).hasSize(2);
        assertThat(entries().get(1).getText()).contains("version 2").isNotEqualTo(first);
        assertThat(versionOf(entries().get(1))).isEqualTo("2 / 2");

        click(entries().get(1), "Previous version");
        assertThat(entries().get(1).getText()).isEqualTo(first);
        assertThat(versionOf(entries().get(1))).isEqualTo("1 / 2");
    }

    @Test
    void an_open_editor_keeps_its_text_when_the_chat_is_drawn_again_and_forgets_it_on_cancel() {
        UI.getCurrent().navigate(ChatView.class);
        send("Karibu drafts: the first question");
        send("Karibu drafts: the second question");
        click(entries().get(3), "Regenerate answer");
        awaitAnswered();

        click(entries().getFirst(), "Edit message");
        UserInput.enter(_get(entries().getFirst(), TextArea.class, spec -> spec.withClasses("message-editor-text")),
                "Karibu drafts: half an edit");
        // Another version of the last answer: the chat is drawn again from the database.
        click(entries().get(3), "Previous version");
        assertThat(versionOf(entries().get(3))).isEqualTo("1 / 2");

        MessageEntry first = entries().getFirst();
        TextArea editor = _get(first, TextArea.class, spec -> spec.withClasses("message-editor-text"));
        assertThat(editor.getValue()).isEqualTo("Karibu drafts: half an edit");
        assertThat(_find(first, Button.class, spec -> spec.withAttribute("aria-label", "Edit message")))
                .as("Edit is hidden while its editor is open").isEmpty();

        _click(_get(first, Button.class, spec -> spec.withText("Cancel")));
        click(entries().get(3), "Next version");
        assertThat(_find(entries().getFirst(), TextArea.class)).as("a cancelled edit does not come back").isEmpty();
        assertThat(entries().getFirst().getText()).isEqualTo("Karibu drafts: the first question");
    }

    private void send(String text) {
        UserInput.enter(_get(TextArea.class, spec -> spec.withId("message-input")), text);
        _click(_get(Button.class, spec -> spec.withId("send")));
        awaitAnswered();
    }

    /** The answer is written: Send is back and the last message is a finished answer. */
    private void awaitAnswered() {
        awaitUntil(() -> !_find(Button.class, spec -> spec.withId("send")).isEmpty()
                && entries().getLast().getText().contains("demo assistant"));
    }

    private static List<MessageEntry> entries() {
        return _get(ChatMessages.class).entries();
    }

    private static List<String> texts() {
        return entries().stream().map(MessageEntry::getText).toList();
    }

    private static Button button(Component entry, String label) {
        return _get(entry, Button.class, spec -> spec.withAttribute("aria-label", label));
    }

    private static void click(Component entry, String label) {
        _click(button(entry, label));
    }

    private static String versionOf(Component entry) {
        return _get(entry, Span.class, spec -> spec.withClasses("version-number")).getText();
    }
}
