package com.chatshare.conversations.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Where the user writes: the message field (Enter sends, Shift+Enter starts a new line), Send, and
 * Stop while an answer is being written. What was typed stays until the view says it is stored.
 */
class ChatComposer extends HorizontalLayout {

    private final TextArea input = new TextArea();
    private final Button send = new Button("Send", VaadinIcon.PAPERPLANE.create());
    private final Button stop = new Button("Stop", VaadinIcon.STOP.create());

    ChatComposer(Runnable onSend, Runnable onStop) {
        input.setId("message-input");
        input.setPlaceholder("Message the assistant — Enter sends, Shift+Enter for a new line");
        input.setAriaLabel("Message");
        input.setWidthFull();
        input.setMaxHeight("40vh");
        send.setId("send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(event -> onSend.run());
        send.addClickShortcut(Key.ENTER).listenOn(input).resetFocusOnActiveElement();
        stop.setId("stop");
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stop.addClickListener(event -> onStop.run());
        stop.setVisible(false);
        add(input, send, stop);
        addClassName("composer");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.END);
        setFlexGrow(1, input);
    }

    String text() {
        return input.getValue();
    }

    /** The message was not taken: says why beside it, and keeps the text. */
    void showError(String message) {
        input.setErrorMessage(message);
        input.setInvalid(true);
    }

    /** The message is stored: the field empties for the next one. */
    void clearStored() {
        input.setInvalid(false);
        input.clear();
    }

    void setGenerating(boolean generating) {
        send.setVisible(!generating);
        stop.setVisible(generating);
    }

    /** While answers are limited Send waits (Enter with it); the text can still be written. */
    void setWaiting(boolean waiting) {
        send.setEnabled(!waiting);
        send.setTooltipText(waiting ? "Wait until the assistant may answer again" : null);
    }

    void focusInput() {
        input.focus();
    }
}
