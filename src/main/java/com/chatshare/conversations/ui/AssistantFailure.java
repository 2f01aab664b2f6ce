package com.chatshare.conversations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The chat's error state when the assistant cannot answer (unavailable, rate-limited, the database
 * away): what happened, that nothing the user wrote is lost, and Retry. An alert, so screen readers
 * say it when it appears.
 */
class AssistantFailure extends Div {

    private final Span text = new Span();

    AssistantFailure(Runnable onRetry) {
        setId("assistant-error");
        addClassName("assistant-error");
        getElement().setAttribute("role", "alert");
        Icon warning = VaadinIcon.WARNING.create();
        warning.getElement().setAttribute("aria-hidden", "true");
        text.addClassName("assistant-error-text");
        Button retry = new Button("Retry", VaadinIcon.REFRESH.create(), event -> onRetry.run());
        retry.setId("retry");
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(warning, text, retry);
        setVisible(false);
    }

    void show(String message) {
        text.setText(message + " Your message is saved; what arrived of the answer is kept.");
        setVisible(true);
    }

    void hide() {
        setVisible(false);
    }
}
