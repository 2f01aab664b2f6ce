package com.chatshare.datacontrols.ui;

import com.chatshare.base.ui.ClipboardCopy;
import com.chatshare.base.ui.CopyLinkDialog;
import com.chatshare.base.ui.PhoneColumns;
import com.chatshare.moderation.ReviewRequestOpener;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.ShareQuery;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSummary;
import com.chatshare.sharing.ShareVisibility;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings → Data controls → Shared links → Manage: every link the user made, page by page from
 * the database, with search, filters by audience and expiry, sort, deletion of one, the selected,
 * or all, and changes of who can open the selected links and when they expire (renewing expired ones).
 */
class SharedLinksDialog extends Dialog {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT).withLocale(Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final transient ShareService shares;
    private final transient ReviewRequestOpener reviews;
    private final transient Function<String, String> absoluteUrl;
    private final transient Runnable onChange;
    private final Grid<ShareSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Button deleteSelected = new Button();
    private final Select<ShareAudience> audienceFilter = new Select<>();
    private final Select<ShareQuery.ExpiryFilter> expiryFilter = new Select<>();
    private final LinkAccessMenu accessMenu;
    private final Div empty = new Div();
    private ShareQuery query = ShareQuery.newestFirst();

    SharedLinksDialog(ShareService shares, ReviewRequestOpener reviews, Function<String, String> absoluteUrl,
            Runnable onChange) {
        this.shares = shares;
        this.reviews = reviews;
        this.absoluteUrl = absoluteUrl;
        this.onChange = onChange;
        setId("shared-links-dialog");
        addClassNames("shared-links-dialog", "full-screen-on-phone");
        setHeaderTitle("Shared links");
        setWidth("min(72rem, 96vw)");
        setHeight("80vh");

        search.setId("links-search");
        search.setMaxLength(ShareQuery.SEARCH_MAX_LENGTH);
        search.setPlaceholder("Search titles by the beginnings of words");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> {
            query = query.withSearch(event.getValue());
            grid.getDataProvider().refreshAll();
        });

        audienceFilter.setId("links-audience-filter");
        audienceFilter.setAriaLabel("Who can open it");
        audienceFilter.setEmptySelectionAllowed(true);
        audienceFilter.setEmptySelectionCaption("Any audience");
        audienceFilter.setItems(ShareAudience.values());
        audienceFilter.setItemLabelGenerator(audience -> audience == null ? "Any audience" : audience.label());
        audienceFilter.addValueChangeListener(event -> {
            query = query.withAudience(event.getValue());
            grid.getDataProvider().refreshAll();
        });
        expiryFilter.setId("links-expiry-filter");
        expiryFilter.setAriaLabel("Expiry");
        expiryFilter.setItems(ShareQuery.ExpiryFilter.values());
        expiryFilter.setItemLabelGenerator(filter -> switch (filter) {
            case ANY -> "Any expiry";
            case NEVER -> "Never expire";
            case EXPIRING -> "Will expire";
            case EXPIRED -> "Expired";
        });
        expiryFilter.setValue(ShareQuery.ExpiryFilter.ANY);
        expiryFilter.addValueChangeListener(event -> {
            query = query.withExpiry(event.getValue());
            grid.getDataProvider().refreshAll();
        });

        accessMenu = new LinkAccessMenu(shares, this::selectedIds, this::refresh);

        deleteSelected.setId("delete-selected");
        deleteSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteSelected.addClickListener(event -> confirmDeleteSelected());

        MenuBar more = new MenuBar();
        more.setId("links-menu");
        more.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_ICON);
        MenuItem root = more.addItem(VaadinIcon.ELLIPSIS_DOTS_H.create());
        root.setAriaLabel("More actions");
        root.getSubMenu().addItem("Delete all shared links", event -> confirmDeleteAll());

        HorizontalLayout toolbar = new HorizontalLayout(search, audienceFilter, expiryFilter, accessMenu, deleteSelected,
                more);
        toolbar.addClassName("links-toolbar");
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setFlexGrow(1, search);

        grid.setId("links-grid");
        // Shown only when a search finds nothing: with no links at all, the empty state replaces the grid.
        grid.setEmptyStateText("No title has words beginning with every word you typed.");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addComponentColumn(this::titleLink).setHeader("Title").setKey("title").setSortable(true)
                .setWidth("12rem").setFlexGrow(3);
        grid.addColumn(s -> DATE.format(s.createdAt())).setHeader("Shared").setKey("created").setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> DATE.format(s.updatedAt())).setHeader("Updated").setKey("updated")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ShareSummary::viewCount).setHeader("Views").setKey("views").setSortable(true)
                .setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(s -> s.visibility() == ShareVisibility.NAMED ? "Named" : "Anonymous").setHeader("Shared as")
                .setKey("visibility").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> switch (s.audience()) {
            case ANYONE -> "Anyone";
            case SIGNED_IN -> "Signed-in users";
            case PEOPLE -> "Specific people";
        }).setHeader("Who can open it").setKey("audience").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.expiresAt() == null ? "Never" : DATE_TIME.format(s.expiresAt())).setHeader("Expires")
                .setKey("expires").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader("Status").setKey("status").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("Actions").setKey("actions").setWidth("10.5rem")
                .setFlexGrow(0).setFrozenToEnd(true);
        PhoneColumns.hideOnPhone(grid, "created", "updated", "views", "visibility", "audience", "expires");
        grid.setMultiSort(false);
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("created"), SortDirection.DESCENDING)));
        grid.addSortListener(event -> {
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
        grid.setItems(q -> shares.findOwnLinks(query, q.getOffset(), q.getLimit()).stream());
        grid.addSelectionListener(event -> updateDeleteSelected());
        grid.setSizeFull();

        empty.setId("links-empty");
        empty.addClassName("links-empty");
        empty.add(new Paragraph("You have no shared links. Open a chat, press Share, and Copy Link to create one."));

        VerticalLayout content = new VerticalLayout(toolbar, grid, empty);
        content.setPadding(false);
        content.setSizeFull();
        content.setFlexGrow(1, grid);
        add(content);
        getFooter().add(new Button("Close", event -> close()));
        refresh();
    }

    void refresh() {
        boolean none = shares.countOwnLinks() == 0;
        empty.setVisible(none);
        grid.setVisible(!none);
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        updateDeleteSelected();
    }

    Grid<ShareSummary> grid() {
        return grid;
    }

    private void updateDeleteSelected() {
        int selected = grid.getSelectedItems().size();
        deleteSelected.setText("Delete selected (" + selected + ")");
        deleteSelected.setEnabled(selected > 0);
        accessMenu.setSelectedCount(selected);
    }

    private Anchor titleLink(ShareSummary link) {
        Anchor anchor = new Anchor(link.path(), link.title(), AnchorTarget.BLANK);
        anchor.getElement().setAttribute("rel", "noopener noreferrer");
        return anchor;
    }

    private Span status(ShareSummary link) {
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

    private HorizontalLayout actions(ShareSummary link) {
        // A router link by path: the chat view belongs to another feature.
        Anchor chat = new Anchor("chat/" + link.conversationId(), VaadinIcon.COMMENT_O.create());
        chat.getElement().setAttribute("router-link", true);
        chat.getElement().setAttribute("aria-label", "Open the chat");
        chat.getElement().setAttribute("title", "Open the chat");

        Button copy = iconButton(VaadinIcon.LINK, "Copy link", () -> {
            String url = absoluteUrl.apply(link.path());
            ClipboardCopy.copy(grid, url, copied -> {
                if (copied) {
                    Notification.show("Link copied: " + url, 4000, Notification.Position.TOP_CENTER);
                } else {
                    new CopyLinkDialog(url).open();
                }
            });
        });
        Button update = iconButton(VaadinIcon.REFRESH, "Update", () -> {
            try {
                shares.share(link.conversationId(), link.title(), link.visibility());
                Notification.show("“" + link.title() + "” updated.", 3000, Notification.Position.TOP_CENTER);
                refresh();
            } catch (ShareException e) {
                Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER);
            }
        });
        update.setEnabled(!link.isTakenDown());
        Button delete = iconButton(VaadinIcon.TRASH, "Delete link", () -> confirmDelete(link));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClassName("delete-link");
        HorizontalLayout actions = new HorizontalLayout(chat, copy, update);
        if (link.isTakenDown()) {
            Button review = iconButton(VaadinIcon.SCALE, "Ask for a review",
                    () -> reviews.open(link.shareId(), link.title(), this::refresh));
            review.addClassName("request-review");
            actions.add(review);
        } else if (link.expired()) {
            Button renew = iconButton(VaadinIcon.CLOCK, "Renew", () -> new RenewLinkDialog(shares, link, this::refresh)
                    .open());
            renew.addClassName("renew-link");
            actions.add(renew);
        }
        actions.add(delete);
        actions.setSpacing(false);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        return actions;
    }

    private static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), event -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    void confirmDelete(ShareSummary link) {
        confirm("delete-one-confirm", "Delete link?",
                link.isTakenDown()
                        ? "“" + link.title() + "” leaves your list. It stays taken down, and moderators keep it for "
                                + "a while; this chat cannot be shared again while the takedown stands."
                        : "“" + link.title() + "” will no longer be available at its link. The chat stays.",
                "Delete link", () -> shares.deleteLinks(Set.of(link.shareId())));
    }

    private Set<Long> selectedIds() {
        return grid.getSelectedItems().stream().map(ShareSummary::shareId).collect(java.util.stream.Collectors.toSet());
    }

    private void confirmDeleteSelected() {
        Set<Long> ids = selectedIds();
        confirm("delete-selected-confirm", "Delete " + ids.size() + (ids.size() == 1 ? " link?" : " links?"),
                "The selected links will no longer be available. The chats stay.",
                "Delete " + ids.size(), () -> shares.deleteLinks(ids));
    }

    void confirmDeleteAll() {
        int count = shares.countOwnLinks();
        confirm("delete-all-confirm", "Delete all shared links?",
                "All " + count + (count == 1 ? " link" : " links") + " you shared will stop working at once. "
                        + "Your chats stay, and so do copies others made.",
                "Delete all " + count, shares::deleteAllLinks);
    }

    private void confirm(String id, String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setConfirmText(confirmText);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> {
            try {
                action.run();
            } catch (ShareException e) {
                Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER);
            }
            refresh();
            onChange.run();
        });
        dialog.open();
    }
}
