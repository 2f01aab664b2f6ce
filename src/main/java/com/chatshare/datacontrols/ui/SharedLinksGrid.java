package com.chatshare.datacontrols.ui;

import com.chatshare.base.ui.Dates;
import com.chatshare.base.ui.PhoneColumns;
import com.chatshare.sharing.ShareQuery;
import com.chatshare.sharing.OwnLinksService;
import com.chatshare.sharing.ShareSummary;
import com.chatshare.sharing.ShareVisibility;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.function.ValueProvider;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The user's links, page by page from the database, in the order and with the filters the
 * {@link ShareQuery} says; the last column holds each row's actions.
 */
class SharedLinksGrid extends Grid<ShareSummary> {

    /** The narrowest window (CSS pixels) in which the links dialog shows every column. */
    static final int ALL_COLUMNS_MIN_WINDOW_WIDTH = 1440;

    private ShareQuery query = ShareQuery.newestFirst();

    SharedLinksGrid(OwnLinksService ownLinks, ValueProvider<ShareSummary, Component> actions) {
        setId("links-grid");
        // Titles wrap instead of being cut to what fits in a phone's column.
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAriaLabel("Shared links");
        // Shown only when a search finds nothing: with no links at all, the empty state replaces the grid.
        setEmptyStateText("No title has words beginning with every word you typed.");
        setSelectionMode(Grid.SelectionMode.MULTI);
        addComponentColumn(SharedLinksGrid::titleLink).setHeader("Title").setKey("title").setSortable(true)
                .setWidth("9rem").setFlexGrow(3);
        // Next to the title: whether a link still works is what an owner looks for first, and the
        // columns after it may sit behind a sideways scroll on a narrow window.
        addComponentColumn(SharedLinksGrid::status).setHeader("Status").setKey("status").setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(s -> Dates.date(s.createdAt())).setHeader("Shared").setKey("created").setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(s -> Dates.date(s.updatedAt())).setHeader("Updated").setKey("updated")
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(ShareSummary::viewCount).setHeader("Views").setKey("views").setSortable(true)
                .setWidth("6.5rem").setFlexGrow(0);
        addColumn(s -> s.visibility() == ShareVisibility.NAMED ? "Named" : "Anonymous").setHeader("Shared as")
                .setKey("visibility").setAutoWidth(true).setFlexGrow(0);
        addColumn(SharedLinksGrid::audience).setHeader("Who can open it").setKey("audience").setAutoWidth(true).setFlexGrow(0);
        addColumn(s -> s.expiresAt() == null ? "Never" : Dates.dateTime(s.expiresAt())).setHeader("Expires")
                .setKey("expires").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(actions).setHeader("Actions").setKey("actions").setWidth("8rem").setFlexGrow(0)
                .setFrozenToEnd(true);
        PhoneColumns.hideOnPhone(this, "created", "views", "audience", "expires");
        // The dialog is at most 88rem wide: below this window width every column fits only if the
        // title gets too little room, or with Expires behind a sideways scroll.
        PhoneColumns.hideBelow(this, ALL_COLUMNS_MIN_WINDOW_WIDTH, "updated", "visibility");
        setMultiSort(false);
        sort(List.of(new GridSortOrder<>(getColumnByKey("created"), SortDirection.DESCENDING)));
        addSortListener(event -> {
            if (!event.getSortOrder().isEmpty()) {
                GridSortOrder<ShareSummary> order = event.getSortOrder().getFirst();
                ShareQuery.Sort sort = switch (order.getSorted().getKey()) {
                    case "title" -> ShareQuery.Sort.TITLE;
                    case "views" -> ShareQuery.Sort.VIEWS;
                    default -> ShareQuery.Sort.CREATED;
                };
                query = query.withSort(sort, order.getDirection() == SortDirection.DESCENDING);
            } else {
                query = query.withSort(ShareQuery.Sort.CREATED, true);
            }
        });
        setItems(q -> ownLinks.findOwnLinks(query, q.getOffset(), q.getLimit()).stream());
        setSizeFull();
    }

    /** Narrows or widens the list (search, audience, expiry) and loads it again. */
    void filter(UnaryOperator<ShareQuery> change) {
        query = change.apply(query);
        getDataProvider().refreshAll();
    }

    Set<Long> selectedIds() {
        return getSelectedItems().stream().map(ShareSummary::shareId).collect(Collectors.toSet());
    }

    /**
     * The title, whole (it wraps), linked to the page; under it, on a phone only (styles.css), the
     * columns a phone has no room for: who can open it, until when, how many views.
     */
    private static Div titleLink(ShareSummary link) {
        Anchor anchor = new Anchor(link.path(), link.title(), AnchorTarget.BLANK);
        anchor.getElement().setAttribute("rel", "noopener noreferrer");
        anchor.addClassName("link-title");
        Span meta = new Span(audience(link) + " · " + (link.expiresAt() == null ? "never expires"
                : "expires " + Dates.dateTime(link.expiresAt())) + " · "
                + (link.viewCount() == 1 ? "1 view" : link.viewCount() + " views"));
        meta.addClassName("link-meta");
        return new Div(anchor, meta);
    }

    private static String audience(ShareSummary link) {
        return switch (link.audience()) {
            case ANYONE -> "Anyone";
            case SIGNED_IN -> "Signed-in users";
            case PEOPLE -> "Specific people";
        };
    }

    private static Span status(ShareSummary link) {
        Span status = new Span();
        if (link.isTakenDown()) {
            status.setText("Taken down by moderation"
                    + (link.takedownReason() == null ? "" : ": " + link.takedownReason()));
            status.getElement().getThemeList().add("badge error");
        } else if (link.expired()) {
            status.setText("Expired");
            status.getElement().getThemeList().add("badge contrast");
        } else if (link.newMessages() > 0) {
            status.setText(link.newMessages() == 1 ? "1 new message" : link.newMessages() + " new messages");
            status.getElement().getThemeList().add("badge");
        } else {
            status.setText("Active");
            status.getElement().getThemeList().add("badge success");
        }
        status.addClassName("link-status");
        return status;
    }
}
