package com.chatshare.moderation.ui;

import com.chatshare.base.ui.ScrollRegions;
import com.chatshare.audit.AuditEntry;
import com.chatshare.moderation.ModerationDetail;
import com.chatshare.moderation.ModerationFilter;
import com.chatshare.moderation.ModerationRow;
import com.chatshare.moderation.ModerationService;
import com.chatshare.moderation.ReviewRequest;
import com.chatshare.moderation.ReportReason;
import com.chatshare.security.AppRoles;
import com.chatshare.sharing.ShareStatus;
import com.chatshare.sharing.SnapshotHtml;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The moderation queue: public snapshots with their reports, filters, a detail panel with the
 * snapshot as viewers see it, and take down, reinstate and dismiss — each with a note for the
 * audit log.
 */
@Route("moderation")
@PageTitle("Moderation · Chatshare")
@Menu(order = 70, icon = "vaadin:flag", title = "Moderation")
@RolesAllowed({AppRoles.MODERATOR, AppRoles.ADMIN})
public class ModerationView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final String AUDIT_NOTE = "Note (for the audit log)";

    private final transient ModerationService moderation;
    private final Grid<ModerationRow> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();
    private final Button takeDownSelected = new Button();
    private ModerationFilter filter = ModerationFilter.reportedFirst();
    private Long selectedId;

    ModerationView(ModerationService moderation) {
        this.moderation = moderation;
        setSizeFull();

        Select<String> status = new Select<>();
        status.setId("filter-status");
        status.setLabel("Status");
        status.setItems("All", "Active", "Taken down");
        status.setValue("All");
        status.addValueChangeListener(e -> apply(filter.withStatus(switch (e.getValue()) {
            case "Active" -> ShareStatus.ACTIVE;
            case "Taken down" -> ShareStatus.TAKEN_DOWN;
            default -> null;
        })));
        Checkbox openReports = new Checkbox("Open reports only");
        openReports.setId("filter-open-reports");
        openReports.addValueChangeListener(e -> apply(filter.withOpenReports(e.getValue())));
        Checkbox reviewRequests = new Checkbox("Review requests");
        reviewRequests.setId("filter-review-requests");
        reviewRequests.setTooltipText("Taken-down links whose owners asked for a review nobody has decided yet");
        reviewRequests.addValueChangeListener(e -> apply(filter.withReviewRequests(e.getValue())));
        TextField search = new TextField("Title, link or token");
        search.setId("filter-search");
        search.setMaxLength(com.chatshare.sharing.ShareQuery.SEARCH_MAX_LENGTH);
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> apply(filter.withSearch(e.getValue())));
        TextField owner = new TextField("Owner");
        owner.setId("filter-owner");
        owner.setValueChangeMode(ValueChangeMode.LAZY);
        owner.addValueChangeListener(e -> apply(filter.withOwner(e.getValue())));
        DatePicker from = new DatePicker("Shared from");
        from.setId("filter-from");
        DatePicker to = new DatePicker("Shared to");
        to.setId("filter-to");
        from.addValueChangeListener(e -> apply(filter.withDates(e.getValue(), to.getValue())));
        to.addValueChangeListener(e -> apply(filter.withDates(from.getValue(), e.getValue())));
        Select<ModerationFilter.Sort> sort = new Select<>();
        sort.setLabel("Order");
        sort.setItems(ModerationFilter.Sort.values());
        sort.setItemLabelGenerator(s -> switch (s) {
            case OPEN_REPORTS -> "Most open reports";
            case LAST_REPORT -> "Latest report";
            case CREATED -> "Newest";
            case VIEWS -> "Most viewed";
        });
        sort.setValue(ModerationFilter.Sort.OPEN_REPORTS);
        sort.addValueChangeListener(e -> apply(filter.withSort(e.getValue())));
        takeDownSelected.setId("take-down-selected");
        takeDownSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        takeDownSelected.addClickListener(e -> openTakeDown(grid.getSelectedItems().stream()
                .map(ModerationRow::shareId).toList()));

        HorizontalLayout filters = new HorizontalLayout(status, openReports, reviewRequests, search, owner, from, to, sort,
                takeDownSelected);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        filters.getStyle().set("flex-wrap", "wrap");

        grid.setId("moderation-grid");
        grid.setEmptyStateText("No shared link matches these filters. Titles are matched by the beginnings of their words.");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // The title takes what the short columns leave; a cut-off title shows whole on hover.
        grid.addColumn(ModerationRow::title).setHeader("Title").setWidth("14em").setFlexGrow(1).setResizable(true)
                .setTooltipGenerator(ModerationRow::title);
        grid.addColumn(ModerationView::ownerName).setHeader("Owner").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.status() == ShareStatus.ACTIVE ? "Active"
                        : r.reviewRequested() ? "In review" : "Taken down").setHeader("Status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ModerationRow::openReports).setHeader("Reports").setKey("open").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.lastReportAt() == null ? "" : TIME.format(r.lastReportAt())).setHeader("Last report")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> TIME.format(r.createdAt())).setHeader("Shared").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ModerationRow::viewCount).setHeader("Views").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> moderation.findQueue(filter, q.getOffset(), q.getLimit()).stream());
        grid.addItemClickListener(e -> show(e.getItem().shareId()));
        grid.addSelectionListener(e -> updateBulk());
        grid.setSizeFull();

        detail.setId("moderation-detail");
        detail.addClassName("moderation-detail");
        detail.getStyle().set("overflow", "auto");
        detail.add(new Paragraph("Pick a link to see its snapshot, reports and history."));
        SplitLayout split = new SplitLayout(grid, detail);
        split.setSizeFull();
        split.setSplitterPosition(60);

        add(new H2("Moderation"), filters, split);
        setFlexGrow(1, split);
        updateBulk();
    }

    private void apply(ModerationFilter next) {
        filter = next;
        grid.getDataProvider().refreshAll();
    }

    private void updateBulk() {
        int n = grid.getSelectedItems().size();
        takeDownSelected.setText("Take down selected (" + n + ")");
        takeDownSelected.setEnabled(n > 0);
    }

    void show(long shareId) {
        selectedId = shareId;
        detail.removeAll();
        Optional<ModerationDetail> loaded = moderation.detail(shareId);
        if (loaded.isEmpty()) {
            detail.add(new Paragraph("This link no longer exists."));
            return;
        }
        ModerationDetail d = loaded.get();
        H3 title = new H3(d.row().title());
        title.setId("detail-title");
        Paragraph owner = new Paragraph("Owner: " + ownerName(d.row()) + " · " + d.publicAttribution()
                + " · " + (d.row().status() == ShareStatus.ACTIVE ? "Active" : "Taken down: " + d.takedownReason()));
        owner.setId("detail-owner");

        Button takeDown = new Button("Take down", e -> openTakeDown(List.of(shareId)));
        takeDown.setId("take-down");
        takeDown.addThemeVariants(ButtonVariant.LUMO_ERROR);
        takeDown.setEnabled(d.row().status() == ShareStatus.ACTIVE);
        Button reinstate = new Button("Reinstate", e -> openNote("Reinstate link", "Reinstate", AUDIT_NOTE,
                note -> moderation.reinstate(shareId, note)));
        reinstate.setId("reinstate");
        reinstate.setEnabled(d.row().status() == ShareStatus.TAKEN_DOWN);
        Button dismiss = new Button("Dismiss reports", e -> openNote("Dismiss open reports", "Dismiss", AUDIT_NOTE,
                note -> moderation.dismissReports(shareId, note)));
        dismiss.setId("dismiss-reports");
        dismiss.setEnabled(d.row().openReports() > 0);

        Div snapshot = new Div(new Html(SnapshotHtml.of(d.messages())));
        snapshot.addClassName("share-preview");
        ScrollRegions.keyboardScrollable(snapshot, "Snapshot");
        snapshot.setWidthFull();
        snapshot.getStyle().set("flex-shrink", "0");

        UnorderedList reports = new UnorderedList();
        reports.setId("detail-reports");
        d.reports().forEach(r -> reports.add(new ListItem(TIME.format(r.createdAt()) + " · " + r.reason().label()
                + " · " + r.status().toLowerCase(Locale.ROOT) + (r.details() == null ? "" : " — " + r.details()))));
        UnorderedList history = new UnorderedList();
        history.setId("detail-history");
        for (AuditEntry entry : d.history()) {
            history.add(new ListItem(TIME.format(entry.at()) + " · " + entry.actor() + " · " + entry.action()
                    + (entry.details() == null ? "" : " — " + entry.details())));
        }
        HorizontalLayout actions = new HorizontalLayout(takeDown, reinstate, dismiss);
        actions.setWrap(true);
        detail.add(title, owner);
        if (d.removedByOwnerAt() != null) {
            Paragraph removed = new Paragraph("The owner removed this link from their list on "
                    + TIME.format(d.removedByOwnerAt()) + ". It is kept for moderation until "
                    + TIME.format(d.purgeAfter()) + ", then deleted for good.");
            removed.setId("detail-removed");
            detail.add(removed);
        }
        detail.add(actions, reviews(shareId, d), snapshot,
                new H4("Reports (" + d.reports().size() + ")"), reports, new H4("History"), history);
    }

    private VerticalLayout reviews(long shareId, ModerationDetail d) {
        VerticalLayout section = new VerticalLayout();
        section.setId("detail-reviews");
        section.setPadding(false);
        section.setSpacing(false);
        if (d.reviews().isEmpty()) {
            return section;
        }
        section.add(new H4("Review requests"));
        for (ReviewRequest review : d.reviews()) {
            Paragraph line = new Paragraph(TIME.format(review.createdAt()) + " · " + switch (review.status()) {
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
            Button uphold = new Button("Uphold takedown", e -> openNote("Uphold the takedown", "Uphold", label,
                    note -> moderation.decideReview(open.id(), ModerationService.Decision.UPHOLD, note)));
            uphold.setId("review-uphold");
            Button reinstate = new Button("Reinstate after review", e -> openNote("Reinstate after review",
                    "Reinstate", label,
                    note -> moderation.decideReview(open.id(), ModerationService.Decision.REINSTATE, note)));
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

    private static String ownerName(ModerationRow row) {
        return row.ownerUsername() == null ? "(deleted account)" : row.ownerUsername();
    }

    void openTakeDown(Collection<Long> shareIds) {
        if (shareIds.isEmpty()) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("take-down-dialog");
        dialog.setHeaderTitle(shareIds.size() == 1 ? "Take down link" : "Take down " + shareIds.size() + " links");
        Select<ReportReason> reason = new Select<>();
        reason.setId("take-down-reason");
        reason.setLabel("Reason (shown to the owner)");
        reason.setItems(ReportReason.values());
        reason.setItemLabelGenerator(ReportReason::label);
        TextArea note = new TextArea("Note (for the audit log)");
        note.setId("take-down-note");
        note.setMaxLength(ModerationService.NOTE_MAX_LENGTH);
        note.setWidthFull();
        Button confirm = new Button("Take down", e -> {
            if (reason.isEmpty()) {
                reason.setErrorMessage("Choose a reason.");
                reason.setInvalid(true);
                return;
            }
            try {
                int done = moderation.takeDown(shareIds, reason.getValue(), note.getValue());
                dialog.close();
                Notification.show(done + (done == 1 ? " link taken down." : " links taken down."), 4000,
                        Notification.Position.TOP_CENTER);
                refreshAfterAction();
            } catch (IllegalArgumentException ex) {
                note.setErrorMessage(ex.getMessage());
                note.setInvalid(true);
            }
        });
        confirm.setId("take-down-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(reason, note));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void openNote(String header, String action, String noteLabel, java.util.function.Consumer<String> run) {
        Dialog dialog = new Dialog();
        dialog.setId("note-dialog");
        dialog.setHeaderTitle(header);
        TextArea note = new TextArea(noteLabel);
        note.setId("note");
        note.setMaxLength(ModerationService.NOTE_MAX_LENGTH);
        note.setWidthFull();
        Button confirm = new Button(action, e -> {
            try {
                run.accept(note.getValue());
                dialog.close();
                refreshAfterAction();
            } catch (IllegalArgumentException | IllegalStateException ex) {
                note.setErrorMessage(ex.getMessage());
                note.setInvalid(true);
            }
        });
        confirm.setId("note-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(note);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void refreshAfterAction() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        if (selectedId != null) {
            show(selectedId);
        }
    }
}
