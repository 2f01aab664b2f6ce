package com.chatshare.moderation.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.base.ui.ScrollRegions;
import com.chatshare.audit.AuditEntry;
import com.chatshare.moderation.ModerationDetail;
import com.chatshare.moderation.ModerationService;
import com.chatshare.moderation.ReviewRequest;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.SnapshotHtml;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One link in the moderation queue: its snapshot as viewers see it, reports, review requests and
 * history, with take down, reinstate and dismiss. On a phone it is a screen of its own, left with
 * the Back button; on a desktop it sits beside the queue, and Back closes it.
 */
class ModerationDetailPanel extends VerticalLayout {

    static final String AUDIT_NOTE = "Note (for the audit log)";

    private final transient ModerationService moderation;
    private final transient Consumer<List<Long>> onTakeDown;
    private final transient Runnable afterAction;
    private final Button back = new Button("Back to the list", VaadinIcon.ARROW_LEFT.create());
    /** The same action on a desktop, where the detail sits beside the list rather than instead of it. */
    private final Button close = new Button("Close", VaadinIcon.CLOSE_SMALL.create());
    private final Div body = new Div();

    ModerationDetailPanel(ModerationService moderation, Consumer<List<Long>> onTakeDown, Runnable onBack,
            Runnable afterAction) {
        this.moderation = moderation;
        this.onTakeDown = onTakeDown;
        this.afterAction = afterAction;
        setId("moderation-detail");
        addClassName("moderation-detail");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Selected link");
        back.setId("detail-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        back.addClickListener(e -> onBack.run());
        back.addClassName("moderation-detail-back");
        close.setId("detail-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.addClickListener(e -> onBack.run());
        close.addClassName("moderation-detail-close");
        body.addClassName("moderation-detail-body");
        body.setWidthFull();
        add(back, close, body);
    }

    void show(long shareId) {
        body.removeAll();
        Optional<ModerationDetail> loaded = moderation.detail(shareId);
        if (loaded.isEmpty()) {
            Paragraph gone = new Paragraph("This link no longer exists.");
            gone.setId("detail-gone");
            body.add(gone);
            return;
        }
        ModerationDetail d = loaded.get();
        H3 title = new H3(d.row().title());
        title.setId("detail-title");
        // Focus lands here when a row is opened from the keyboard: the screen reader reads the title.
        title.getElement().setAttribute("tabindex", "-1");
        Paragraph owner = new Paragraph("Owner: " + ModerationQueue.ownerName(d.row()) + " · " + d.publicAttribution()
                + " · " + (d.row().status() == ShareStatus.ACTIVE ? "Active" : "Taken down: " + d.takedownReason()));
        owner.setId("detail-owner");

        Button takeDown = new Button("Take down", e -> onTakeDown.accept(List.of(shareId)));
        takeDown.setId("take-down");
        takeDown.addThemeVariants(ButtonVariant.LUMO_ERROR);
        takeDown.setEnabled(d.row().status() == ShareStatus.ACTIVE);
        Button reinstate = new Button("Reinstate", e -> note("Reinstate link", "Reinstate", AUDIT_NOTE,
                text -> moderation.reinstate(shareId, text)));
        reinstate.setId("reinstate");
        reinstate.setEnabled(d.row().status() == ShareStatus.TAKEN_DOWN);
        Button dismiss = new Button("Dismiss reports", e -> note("Dismiss open reports", "Dismiss", AUDIT_NOTE,
                text -> moderation.dismissReports(shareId, text)));
        dismiss.setId("dismiss-reports");
        dismiss.setEnabled(d.row().openReports() > 0);

        Div snapshot = new Div(new Html(SnapshotHtml.of(d.messages())));
        snapshot.addClassName("share-preview");
        ScrollRegions.keyboardScrollable(snapshot, "Snapshot");
        snapshot.setWidthFull();
        snapshot.getStyle().set("flex-shrink", "0");

        UnorderedList reports = new UnorderedList();
        reports.setId("detail-reports");
        d.reports().forEach(r -> reports.add(new ListItem(Dates.dateTime(r.createdAt()) + " · "
                + r.reason().label() + " · " + r.status().toLowerCase(Locale.ROOT)
                + (r.details() == null ? "" : " — " + r.details()))));
        UnorderedList history = new UnorderedList();
        history.setId("detail-history");
        for (AuditEntry entry : d.history()) {
            history.add(new ListItem(Dates.dateTime(entry.at()) + " · " + entry.actor() + " · "
                    + entry.action() + (entry.details() == null ? "" : " — " + entry.details())));
        }
        HorizontalLayout actions = new HorizontalLayout(takeDown, reinstate, dismiss);
        actions.setWrap(true);
        body.add(title, owner);
        if (d.removedByOwnerAt() != null) {
            Paragraph removed = new Paragraph("The owner removed this link from their list on "
                    + Dates.dateTime(d.removedByOwnerAt()) + ". It is kept for moderation until "
                    + Dates.dateTime(d.purgeAfter()) + ", then deleted for good.");
            removed.setId("detail-removed");
            body.add(removed);
        }
        body.add(actions, reviews(d), snapshot, new H4("Reports (" + d.reports().size() + ")"));
        if (d.reports().isEmpty()) {
            Paragraph none = new Paragraph("Nobody has reported this link.");
            none.setId("detail-no-reports");
            none.addClassName("empty-state-inline");
            body.add(none);
        }
        body.add(reports, new H4("History"), history);
    }

    /** Moves the keyboard focus to the link's title, for someone who opened it with Enter. */
    void focusTitle() {
        body.getChildren().filter(H3.class::isInstance).findFirst()
                .ifPresent(title -> title.getElement().executeJs("this.focus()"));
    }

    private VerticalLayout reviews(ModerationDetail d) {
        VerticalLayout section = new VerticalLayout();
        section.setId("detail-reviews");
        section.setPadding(false);
        section.setSpacing(false);
        if (d.reviews().isEmpty()) {
            return section;
        }
        section.add(new H4("Review requests"));
        for (ReviewRequest review : d.reviews()) {
            Paragraph line = new Paragraph(Dates.dateTime(review.createdAt()) + " · "
                    + switch (review.status()) {
                        case OPEN -> "waiting for a decision";
                        case UPHELD -> "takedown upheld";
                        case REINSTATED -> "reinstated";
                        case CLOSED -> "closed by a reinstatement";
                    } + " — “" + review.explanation() + "”"
                    + (review.decisionNote() == null ? "" : " Decision note: " + review.decisionNote()));
            line.addClassName("review-request");
            section.add(line);
        }
        d.openReview().ifPresent(open -> {
            String label = "Note (sent to the owner, kept in the audit log)";
            Button uphold = new Button("Uphold takedown", e -> note("Uphold the takedown", "Uphold", label,
                    text -> moderation.decideReview(open.id(), ModerationService.Decision.UPHOLD, text)));
            uphold.setId("review-uphold");
            Button reinstate = new Button("Reinstate after review", e -> note("Reinstate after review",
                    "Reinstate", label,
                    text -> moderation.decideReview(open.id(), ModerationService.Decision.REINSTATE, text)));
            reinstate.setId("review-reinstate");
            reinstate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout decide = new HorizontalLayout(uphold, reinstate);
            decide.setWrap(true);
            if (!d.mayDecideReviews()) {
                uphold.setEnabled(false);
                reinstate.setEnabled(false);
                Paragraph why = new Paragraph(d.ownLink()
                        ? ModerationService.OWN_LINK_MESSAGE : ModerationService.OWN_TAKEDOWN_MESSAGE);
                why.setId("review-own-takedown");
                section.add(why);
            }
            section.add(decide);
        });
        return section;
    }

    private void note(String header, String action, String noteLabel, Consumer<String> run) {
        new NoteDialog(header, action, noteLabel, run, afterAction).open();
    }
}
