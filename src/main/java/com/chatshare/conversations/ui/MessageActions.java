package com.chatshare.conversations.ui;

import com.chatshare.conversations.ChatMessage;
import com.chatshare.conversations.MessageRole;
import com.chatshare.conversations.MessageVersion;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Optional;

/**
 * The buttons on a message's author line (decision 0023): Edit on the user's messages, Regenerate on the
 * assistant's answers, and "‹ 2 / 3 ›" where a message has other versions. Always shown, not on
 * hover only, so a phone and a keyboard reach them.
 */
final class MessageActions {

    /** What the buttons do; the chat view acts on them. */
    interface Actions {

        /** Saves an edited message as a new version and answers it; the reason when it could not. */
        Optional<String> edit(long messageId, String text);

        void regenerate(long messageId);

        /** Shows the version {@code step} before (-1) or after (1) this one. */
        void switchVersion(long messageId, int step);
    }

    static final Actions NONE = new Actions() {
        @Override
        public Optional<String> edit(long messageId, String text) {
            return Optional.empty();
        }

        @Override
        public void regenerate(long messageId) {
        }

        @Override
        public void switchVersion(long messageId, int step) {
        }
    };

    private MessageActions() {
    }

    /** The buttons of one message; its editor open again, with its text, when it had one open before the chat was drawn again. */
    static Component toolbar(MessageEntry entry, ChatMessage message, MessageVersion version, Actions actions,
            EditDrafts drafts) {
        Div bar = new Div();
        bar.addClassName("chat-message-actions");
        if (version.hasOthers()) {
            bar.add(switcher(message.id(), version, actions));
        }
        if (message.role() == MessageRole.USER) {
            Button edit = iconButton(VaadinIcon.EDIT, "Edit message");
            edit.addClassName("edit-message");
            edit.addClickListener(e -> openEditor(entry, message.id(), entry.getText(), edit, actions, drafts, true));
            bar.add(edit);
            drafts.of(message.id()).ifPresent(text -> openEditor(entry, message.id(), text, edit, actions, drafts,
                    drafts.hadFocus(message.id())));
        } else {
            Button regenerate = iconButton(VaadinIcon.REFRESH, "Regenerate answer");
            regenerate.addClassName("regenerate-answer");
            regenerate.addClickListener(e -> actions.regenerate(message.id()));
            bar.add(regenerate);
        }
        return bar;
    }

    private static Component switcher(long messageId, MessageVersion version, Actions actions) {
        Button previous = new Button("‹", e -> actions.switchVersion(messageId, -1));
        previous.getElement().setAttribute("aria-label", "Previous version");
        previous.addClassName("previous-version");
        previous.setEnabled(version.number() > 1);
        Span which = new Span(version.toString());
        which.addClassName("version-number");
        Button next = new Button("›", e -> actions.switchVersion(messageId, 1));
        next.getElement().setAttribute("aria-label", "Next version");
        next.addClassName("next-version");
        next.setEnabled(version.number() < version.count());
        for (Button button : new Button[] {previous, next}) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        Div switcher = new Div(previous, which, next);
        switcher.addClassName("version-switcher");
        return switcher;
    }

    private static Button iconButton(VaadinIcon icon, String label) {
        Button button = new Button(icon.create());
        button.getElement().setAttribute("aria-label", label);
        button.getElement().setAttribute("title", label);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        return button;
    }

    /**
     * The message as a text area with Save and Cancel: Enter makes a new line (it does not send);
     * Cancel shows the message as it was; a refused edit keeps the text and says why. What is typed
     * reaches the server as it is typed, into {@code drafts}, so a redraw of the chat keeps it.
     */
    private static void openEditor(MessageEntry entry, long messageId, String initial, Button edit, Actions actions,
            EditDrafts drafts, boolean focus) {
        TextArea text = new TextArea();
        text.setValue(initial);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> drafts.keep(messageId, e.getValue()));
        text.addFocusListener(e -> drafts.focused(messageId));
        text.addBlurListener(e -> drafts.blurred(messageId));
        drafts.keep(messageId, initial);
        text.setMaxLength(ChatMessage.MAX_LENGTH);
        text.setAriaLabel("Edit your message");
        text.addClassName("message-editor-text");
        text.setWidthFull();
        Button save = new Button("Save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        save.addClassName("save-edit");
        Button cancel = new Button("Cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL);
        cancel.addClassName("cancel-edit");
        Div buttons = new Div(save, cancel);
        buttons.addClassName("message-editor-buttons");
        Div editor = new Div(text, buttons);
        editor.addClassName("message-editor");
        save.addClickListener(e -> {
            // Forgotten first: a saved edit draws the chat again, without this editor.
            drafts.forget(messageId);
            actions.edit(messageId, text.getValue()).ifPresent(reason -> {
                drafts.keep(messageId, text.getValue());
                text.setErrorMessage(reason);
                text.setInvalid(true);
            });
        });
        cancel.addClickListener(e -> {
            drafts.forget(messageId);
            entry.showEditor(null);
            edit.setVisible(true);
            edit.focus();
        });
        edit.setVisible(false);
        entry.showEditor(editor);
        if (focus) {
            text.focus();
        }
    }
}
