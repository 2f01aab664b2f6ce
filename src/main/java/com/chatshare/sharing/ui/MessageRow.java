package com.chatshare.sharing.ui;

import com.chatshare.base.markdown.MarkdownRenderer;
import com.chatshare.conversations.MessageRole;
import com.chatshare.disclosure.SnapshotCheck.Finding;
import com.chatshare.sharing.PreviewMessage;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;

/**
 * One message of the share dialog's preview: a tick that says whether it is shared, the message as
 * viewers will see it, "Share up to here", and what the check before sharing found in it with
 * "Leave out".
 */
class MessageRow extends Div {

    static final String SHARE_UP_TO_HERE = "Share up to here";
    static final String LEAVE_OUT = "Leave out";

    private final long messageId;
    private final Checkbox shared = new Checkbox("Share this message");
    private final Button upToHere = new Button(SHARE_UP_TO_HERE);
    private final Button leaveOut = new Button(LEAVE_OUT);
    private final FindingList findings = new FindingList();

    MessageRow(PreviewMessage message, MarkdownRenderer markdown, Runnable onUpToHere) {
        this.messageId = message.messageId();
        boolean user = message.role() == MessageRole.USER;
        addClassNames("preview-message", user ? "from-user" : "from-assistant");

        shared.addClassName("preview-share");
        shared.setValue(message.shared());
        shared.addValueChangeListener(event -> markShared(event.getValue()));
        Span author = new Span(user ? "User" : "Assistant");
        author.addClassName("preview-author");
        upToHere.addClassName("preview-up-to-here");
        upToHere.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        upToHere.setTooltipText("Share this message and the ones before it, leave out every later one");
        upToHere.addClickListener(event -> onUpToHere.run());
        HorizontalLayout header = new HorizontalLayout(shared, author, upToHere);
        header.addClassName("preview-message-header");
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(author);

        leaveOut.addClickListener(event -> shared.setValue(false));
        leaveOut.addClassName("preview-leave-out");
        leaveOut.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        showFindings(message.findings());

        // The HTML comes from the one sanitiser (MarkdownRenderer), as on the public page.
        Html content = new Html("<div class=\"preview-content\" dir=\"auto\">"
                + markdown.messageHtml(message.content(), user) + "</div>");
        add(header, findings, content);
        if (!user && message.model() != null) {
            // As the page and the Markdown say it; the name is text, never markup.
            Span answeredBy = new Span();
            answeredBy.setText("Answered by " + message.model());
            answeredBy.addClassName("preview-answered-by");
            add(answeredBy);
        }
        markShared(message.shared());
    }

    long messageId() {
        return messageId;
    }

    boolean isShared() {
        return shared.getValue();
    }

    /** What the check before sharing found in it, with "Leave out"; none hides the warning. */
    void showFindings(List<Finding> found) {
        findings.show(found, leaveOut);
    }

    void setShared(boolean value) {
        shared.setValue(value);
    }

    /** Listens to the tick, whoever changed it. */
    void onSharedChange(Runnable listener) {
        shared.addValueChangeListener(event -> listener.run());
    }

    /** The last message has nothing after it to leave out. */
    void offerUpToHere(boolean offer) {
        upToHere.setVisible(offer);
    }

    private void markShared(boolean value) {
        setClassName("not-shared", !value);
        // Left out already: the warning stays, the button has nothing left to do.
        leaveOut.setVisible(value);
    }
}
