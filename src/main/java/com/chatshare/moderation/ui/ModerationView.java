package com.chatshare.moderation.ui;

import com.chatshare.base.ui.EmptyState;
import com.chatshare.base.ui.PhoneColumns;
import com.chatshare.moderation.ModerationFilter;
import com.chatshare.moderation.ModerationRow;
import com.chatshare.moderation.ModerationService;
import com.chatshare.security.AppRoles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The moderation queue: public snapshots with their reports ({@link ModerationFilters},
 * {@link ModerationQueue}), and the chosen link in a {@link ModerationDetailPanel} with take down
 * ({@link TakeDownDialog}), reinstate and dismiss — each with a note for the audit log. The detail
 * sits beside the queue on a desktop once a link is chosen, and replaces it on a phone.
 */
@Route("moderation")
@PageTitle("Moderation · Chatshare")
@Menu(order = 70, icon = "vaadin:flag", title = "Moderation")
@RolesAllowed({AppRoles.MODERATOR, AppRoles.ADMIN})
public class ModerationView extends VerticalLayout {


    private final transient ModerationService moderation;
    private final ModerationFilters filters;
    private final ModerationQueue queue;
    private final PhoneColumns fit;
    private final ModerationDetailPanel detail;
    private final EmptyState empty = new EmptyState("moderation-empty", VaadinIcon.CHECK_CIRCLE_O, "", "");
    private final Button takeDownSelected = new Button();
    private @Nullable Long selectedId;

    ModerationView(ModerationService moderation) {
        this.moderation = moderation;
        addClassName("moderation-view");
        setSizeFull();

        filters = new ModerationFilters(next -> refresh());
        queue = new ModerationQueue(moderation, filters::filter, this::open);
        // Beside the detail the queue keeps only what fits without scrolling sideways.
        fit = PhoneColumns.hideWhenNarrow(queue, () -> selectedId != null, ModerationQueue.SECONDARY_COLUMNS);
        queue.addSelectionListener(e -> updateBulk());
        detail = new ModerationDetailPanel(moderation, this::openTakeDown, this::closeDetail,
                this::refreshAfterAction);
        detail.setVisible(false);

        takeDownSelected.setId("take-down-selected");
        takeDownSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        takeDownSelected.addClickListener(e -> openTakeDown(queue.getSelectedItems().stream()
                .map(ModerationRow::shareId).toList()));
        filters.add(takeDownSelected);

        Div master = new Div(queue, empty);
        master.addClassName("moderation-master");
        Div panes = new Div(master, detail);
        panes.addClassName("moderation-panes");
        panes.setWidthFull();

        add(new H2("Moderation"), filters, panes);
        setFlexGrow(1, panes);
        updateBulk();
        updateEmptyState();
    }

    private void refresh() {
        queue.getDataProvider().refreshAll();
        updateEmptyState();
    }

    /** The queue, or why it is empty: nothing shared yet, nothing reported, or nothing matching. */
    private void updateEmptyState() {
        ModerationFilter filter = filters.filter();
        boolean none = moderation.findQueue(filter, 0, 1).isEmpty();
        if (none && filter.withSort(ModerationFilter.Sort.OPEN_REPORTS).equals(ModerationFilter.reportedFirst())) {
            empty.setText("Nothing to moderate", "Nobody has shared a link yet.");
        } else if (none && filter.withOpenReports(false).withSort(ModerationFilter.Sort.OPEN_REPORTS)
                .equals(ModerationFilter.reportedFirst())) {
            empty.setText("No open reports", "Every report has been dealt with. Clear “Open reports only” to see "
                    + "all shared links.");
        } else if (none && filter.withReviewRequests(false).withSort(ModerationFilter.Sort.OPEN_REPORTS)
                .equals(ModerationFilter.reportedFirst())) {
            empty.setText("No review requests", "No owner is waiting for a decision.");
        } else {
            empty.setText("No shared link matches these filters",
                    "Titles are matched by the beginnings of their words. Change or clear a filter.");
        }
        empty.setVisible(none);
        queue.setVisible(!none);
    }

    private void updateBulk() {
        int n = queue.getSelectedItems().size();
        takeDownSelected.setText("Take down selected (" + n + ")");
        takeDownSelected.setEnabled(n > 0);
    }

    private void open(long shareId, boolean fromKeyboard) {
        selectedId = shareId;
        detail.show(shareId);
        detail.setVisible(true);
        addClassName("showing-detail");
        queue.markOpened(shareId);
        fit.refit();
        if (fromKeyboard) {
            detail.focusTitle();
        }
    }

    private void closeDetail() {
        selectedId = null;
        detail.setVisible(false);
        removeClassName("showing-detail");
        queue.markOpened(null);
        fit.refit();
        queue.focus();
    }

    private void openTakeDown(Collection<Long> shareIds) {
        if (!shareIds.isEmpty()) {
            new TakeDownDialog(moderation, shareIds, this::refreshAfterAction).open();
        }
    }

    private void refreshAfterAction() {
        queue.deselectAll();
        refresh();
        if (selectedId != null) {
            detail.show(selectedId);
        }
    }
}
