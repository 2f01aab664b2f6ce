package com.chatshare.moderation.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.moderation.ModerationFilter;
import com.chatshare.moderation.ModerationRow;
import com.chatshare.moderation.ModerationService;
import com.chatshare.sharing.ShareStatus;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.grid.Grid;
import java.util.function.Supplier;

/**
 * The queue of public snapshots, page by page from the database. A row opens in the detail panel
 * when clicked, or when it has keyboard focus and Enter is pressed (Space selects it).
 */
class ModerationQueue extends Grid<ModerationRow> {

    private ModerationRow focused;

    ModerationQueue(ModerationService moderation, Supplier<ModerationFilter> filter, Opener onOpen) {
        setId("moderation-grid");
        addClassName("moderation-grid");
        setAriaLabel("Shared links to moderate");
        setEmptyStateText("No shared link matches these filters. Titles are matched by the beginnings of their words.");
        setSelectionMode(Grid.SelectionMode.MULTI);
        // The title takes what the short columns leave; a cut-off title shows whole on hover.
        addColumn(ModerationRow::title).setHeader("Title").setKey("title").setWidth("14em").setFlexGrow(1)
                .setResizable(true).setTooltipGenerator(ModerationRow::title);
        addColumn(ModerationQueue::ownerName).setHeader("Owner").setKey("owner").setAutoWidth(true).setFlexGrow(0);
        addColumn(ModerationQueue::status).setHeader("Status").setKey("status").setAutoWidth(true).setFlexGrow(0);
        addColumn(ModerationRow::openReports).setHeader("Reports").setKey("open").setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(r -> r.lastReportAt() == null ? "" : Dates.dateTime(r.lastReportAt()))
                .setHeader("Last report").setKey("last-report").setAutoWidth(true).setFlexGrow(0);
        addColumn(r -> Dates.dateTime(r.createdAt())).setHeader("Shared").setKey("created")
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(ModerationRow::viewCount).setHeader("Views").setKey("views").setAutoWidth(true).setFlexGrow(0);
        setItems(q -> moderation.findQueue(filter.get(), q.getOffset(), q.getLimit()).stream());
        addItemClickListener(e -> onOpen.open(e.getItem().shareId(), false));
        // Keyboard: arrows move the focus from row to row, Enter opens the focused one.
        addCellFocusListener(e -> focused = e.getItem().orElse(null));
        getElement().addEventListener("keydown", e -> {
            if (focused != null) {
                onOpen.open(focused.shareId(), true);
            }
        }).setFilter("event.key === '" + Key.ENTER.getKeys().getFirst() + "' && !event.shiftKey");
        setSizeFull();
    }

    /** Opens a row in the detail panel; from the keyboard, the focus follows it there. */
    interface Opener {
        void open(long shareId, boolean fromKeyboard);
    }

    /** The columns only a wide queue shows: on a phone, or beside the detail, they are in the detail. */
    static final String[] SECONDARY_COLUMNS = {"owner", "last-report", "created", "views"};

    /** Marks the row whose detail is open, so the moderator sees which link the panel shows. */
    void markOpened(Long shareId) {
        setPartNameGenerator(row -> shareId != null && row.shareId() == shareId ? "opened-row" : null);
    }

    static String ownerName(ModerationRow row) {
        return row.ownerUsername() == null ? "(deleted account)" : row.ownerUsername();
    }

    private static String status(ModerationRow row) {
        return row.status() == ShareStatus.ACTIVE ? "Active" : row.reviewRequested() ? "In review" : "Taken down";
    }
}
