package com.chatshare.moderation.ui;

import com.chatshare.base.ui.Notifications;
import com.chatshare.moderation.OwnerNotices;
import com.chatshare.moderation.ReviewRequest;
import com.chatshare.moderation.ReviewRequestOpener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.springframework.stereotype.Component;

/**
 * The owner's request for a review of a takedown: one short explanation, sent once. An error
 * (too long, already asked) shows on the field and keeps what was written.
 */
class ReviewRequestDialog extends Dialog {

    ReviewRequestDialog(OwnerNotices notices, long shareId, String linkTitle, Runnable onSent) {
        setId("review-request-dialog");
        setHeaderTitle("Ask for a review");
        setWidth("min(32rem, 95vw)");
        Paragraph intro = new Paragraph("A moderator who did not take “" + linkTitle + "” down looks at it again "
                + "and decides whether it comes back. You can ask once per takedown.");
        TextArea explanation = new TextArea("Why should the link come back?");
        explanation.setId("review-explanation");
        explanation.setMaxLength(ReviewRequest.EXPLANATION_MAX_LENGTH);
        explanation.setRequired(true);
        explanation.setWidthFull();
        explanation.setHelperText("Up to " + ReviewRequest.EXPLANATION_MAX_LENGTH + " characters.");
        Button send = new Button("Send request", e -> {
            try {
                notices.requestReview(shareId, explanation.getValue());
                close();
                Notifications.success("Review requested. You will get a notice when a moderator decides.");
                onSent.run();
            } catch (IllegalArgumentException ex) {
                explanation.setErrorMessage(ex.getMessage());
                explanation.setInvalid(true);
            }
        });
        send.setId("review-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(intro, explanation);
        getFooter().add(new Button("Cancel", e -> close()), send);
    }

    /** Opens the dialog for other features' views. */
    @Component
    static class Opener implements ReviewRequestOpener {

        private final OwnerNotices notices;

        Opener(OwnerNotices notices) {
            this.notices = notices;
        }

        @Override
        public void open(long shareId, String linkTitle, Runnable onSent) {
            OwnerNotices.ReviewState state = notices.reviewState(shareId);
            if (!state.mayRequest()) {
                Notifications.info(state.whyNot());
                return;
            }
            new ReviewRequestDialog(notices, shareId, linkTitle, onSent).open();
        }
    }
}
