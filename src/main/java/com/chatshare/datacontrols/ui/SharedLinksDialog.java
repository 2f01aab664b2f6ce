package com.chatshare.datacontrols.ui;

import com.chatshare.base.ui.EmptyState;
import com.chatshare.base.ui.Notifications;
import com.chatshare.moderation.ReviewRequestOpener;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings → Data controls → Shared links → Manage: every link the user made
 * ({@link SharedLinksGrid}, page by page from the database) with search and filters by audience and
 * expiry ({@link SharedLinksToolbar}), sort, each row's actions ({@link LinkRowActions}), deletion
 * of one, the selected, or all, and changes of who can open the selected links and when they
 * expire ({@link LinkAccessMenu}).
 */
class SharedLinksDialog extends Dialog {

    private final transient ShareService shares;
    private final transient Runnable onChange;
    private final SharedLinksGrid grid;
    private final Button deleteSelected = new Button();
    private final LinkAccessMenu accessMenu;
    private final EmptyState empty = new EmptyState("links-empty", VaadinIcon.LINK, "No shared links",
            "You have no shared links. Open a chat, press Share, and Copy Link to create one.");

    SharedLinksDialog(ShareService shares, ReviewRequestOpener reviews, Function<String, String> absoluteUrl,
            Runnable onChange) {
        this.shares = shares;
        this.onChange = onChange;
        setId("shared-links-dialog");
        addClassNames("shared-links-dialog", "full-screen-on-phone");
        setHeaderTitle("Shared links");
        setWidth("min(88rem, 96vw)");
        setHeight("80vh");

        grid = new SharedLinksGrid(shares,
                link -> new LinkRowActions(link, grid(), shares, reviews, absoluteUrl, this::refresh, this::confirmDelete));
        grid.addSelectionListener(event -> updateDeleteSelected());

        accessMenu = new LinkAccessMenu(shares, grid::selectedIds, this::refresh);

        deleteSelected.setId("delete-selected");
        deleteSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteSelected.addClickListener(event -> confirmDeleteSelected());

        MenuBar more = new MenuBar();
        more.setId("links-menu");
        more.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_ICON);
        MenuItem root = more.addItem(VaadinIcon.ELLIPSIS_DOTS_H.create());
        root.setAriaLabel("More actions");
        root.getSubMenu().addItem("Delete all shared links", event -> confirmDeleteAll());

        VerticalLayout content = new VerticalLayout(new SharedLinksToolbar(grid, accessMenu, deleteSelected, more),
                grid, empty);
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

    private void updateDeleteSelected() {
        int selected = grid.getSelectedItems().size();
        deleteSelected.setText("Delete selected (" + selected + ")");
        deleteSelected.setEnabled(selected > 0);
        accessMenu.setSelectedCount(selected);
    }

    void confirmDelete(ShareSummary link) {
        confirm("delete-one-confirm", "Delete link?",
                link.isTakenDown()
                        ? "“" + link.title() + "” leaves your list. It stays taken down, and moderators keep it for "
                                + "a while; this chat cannot be shared again while the takedown stands."
                        : "“" + link.title() + "” will no longer be available at its link. The chat stays.",
                "Delete link", () -> shares.deleteLinks(Set.of(link.shareId())));
    }

    private void confirmDeleteSelected() {
        Set<Long> ids = grid.selectedIds();
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
                Notifications.error(e.getMessage());
            }
            refresh();
            onChange.run();
        });
        dialog.open();
    }

    /** The grid, for its rows' actions (built by the grid, so before the field is assigned). */
    private SharedLinksGrid grid() {
        return grid;
    }
}
