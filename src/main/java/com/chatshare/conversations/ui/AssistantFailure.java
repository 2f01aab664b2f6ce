package com.chatshare.conversations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Duration;

/**
 * The chat's error state when the assistant cannot answer (unavailable, rate-limited, the database
 * away): what happened, that nothing the user wrote is lost, and Retry. An alert, so screen readers
 * say it when it appears.
 */
class AssistantFailure extends Div {

    private final Span text = new Span();
    private final Span wait = new Span();
    private final Button retry;

    AssistantFailure(Runnable onRetry, Runnable onWaitOver) {
        setId("assistant-error");
        addClassName("assistant-error");
        getElement().setAttribute("role", "alert");
        Icon warning = VaadinIcon.WARNING.create();
        warning.getElement().setAttribute("aria-hidden", "true");
        text.addClassName("assistant-error-text");
        retry = new Button("Retry", VaadinIcon.REFRESH.create(), event -> onRetry.run());
        retry.setId("retry");
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        wait.setId("answers-wait");
        wait.addClassName("assistant-error-wait");
        wait.setVisible(false);
        // The browser counts the wait down and says when it is over; only then may Retry and Send.
        getElement().addEventListener("wait-over", event -> {
            wait.setVisible(false);
            retry.setEnabled(true);
            onWaitOver.run();
        });
        add(warning, text, wait, retry);
        setVisible(false);
    }

    /**
     * Says what went wrong and that the question is stored; that what arrived of the answer is
     * kept only when something arrived.
     */
    void show(String message, boolean partAnswerKept) {
        text.setText(message + (partAnswerKept ? " Your message is saved; what arrived of the answer is kept."
                : message.contains("question is saved") ? "" : " Your message is saved."));
        wait.setVisible(false);
        retry.setEnabled(true);
        setVisible(true);
    }

    /** The answer limit: Retry waits, counting down in the browser, until an answer may be asked for. */
    void showLimited(String message, Duration until) {
        show(message, false);
        retry.setEnabled(false);
        wait.setVisible(true);
        long seconds = Math.max(1, (until.toMillis() + 999) / 1000);
        wait.setText("Retry in " + seconds + " s");
        getElement().executeJs("""
                const host = this;
                const label = $0;
                let left = $1;
                clearInterval(host.__answersWait);
                host.__answersWait = setInterval(() => {
                  left -= 1;
                  if (left > 0) {
                    label.textContent = 'Retry in ' + left + ' s';
                  } else {
                    clearInterval(host.__answersWait);
                    host.dispatchEvent(new CustomEvent('wait-over'));
                  }
                }, 1000);
                """, wait.getElement(), seconds);
    }

    /** The question after this one has no answer yet (the limit, an error, a closed tab): Retry asks for it. */
    void showUnanswered() {
        show("This question has no answer yet.", false);
    }

    void hide() {
        getElement().executeJs("clearInterval(this.__answersWait)");
        setVisible(false);
    }
}
