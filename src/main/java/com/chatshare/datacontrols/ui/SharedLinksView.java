package com.chatshare.datacontrols.ui;

import com.chatshare.base.ui.EmptyState;
import com.chatshare.base.ui.Notifications;
import com.chatshare.base.ui.PublicUrls;
import com.chatshare.conversations.ShareDialogOpener;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;
import com.chatshare.moderation.ReviewRequestOpener;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.OwnLinksService;
import com.chatshare.sharing.ShareService;
import com.chatshare.sharing.ShareSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Set;

/**
 * Settings → Data controls → Shared links, a page of its own ({@value #ROUTE}): every link the
 * user made ({@link SharedLinksGrid}, page by page from the database) with search and filters by
 * audience and expiry ({@link SharedLinksToolbar}, shown once there are links), sort, each row's
 * labelled menu ({@link LinkRowActions}), deletion of one, the selected, or all (each asked first),
 * and changes of who can open the selected links and when they expire ({@link LinkAccessMenu}).
 */
@Route(SharedLinksView.ROUTE)
@PageTitle("Shared links · Chatshare")
@PermitAll
public class SharedLinksView extends VerticalLayout {

    static final String ROUTE = "settings/data-controls/links";

    private final transient OwnLinksService ownLinks;
    private final SharedLinksGrid grid;
    private final SharedLinksToolbar toolbar;
    private final Button deleteSelected = new Button();
    private final LinkAccessMenu accessMenu;
    private final EmptyState empty = new EmptyState("links-empty", VaadinIcon.LINK, "No shared links",
            "You have no shared links. Open a chat, press Share, and Copy Link to create one.");

    SharedLinksView(OwnLinksService ownLinks, ShareService shares, ReviewRequestOpener reviews, PublicUrls urls,
            ObjectProvider<ShareDialogOpener> shareDialogs) {
        this.ownLinks = ownLinks;
        setId("shared-links");
        addClassNames("page", "shared-links-page");
        setSizeFull();

        grid = new SharedLinksGrid(ownLinks, link -> new LinkRowActions(link, grid(), shares, ownLinks, reviews,
                urls::absolute, this::refresh, this::confirmDelete, shareDialogs.getIfAvailable()));
        grid.addSelectionListener(event -> updateDeleteSelected());

        accessMenu = new LinkAccessMenu(ownLinks, grid::selectedIds, this::refresh);

        deleteSelected.setId("delete-selected");
        deleteSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteSelected.addClickListener(event -> confirmDeleteSelected());

        MenuBar more = new MenuBar();
        more.setId("links-menu");
        more.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        MenuItem root = more.addItem("More");
        root.getSubMenu().addItem("Delete all shared links", event -> confirmDeleteAll());

        Anchor back = new Anchor("settings/data-controls", "← Data controls");
        back.setId("back-to-data-controls");
        back.getElement().setAttribute("router-link", true);
        H2 heading = new H2("Shared links");
        heading.setId("shared-links-heading");
        toolbar = new SharedLinksToolbar(grid, accessMenu, deleteSelected, more);
        add(back, heading, toolbar, grid, empty);
        setFlexGrow(1, grid);
        refresh();
    }

    void refresh() {
        boolean none = ownLinks.countOwnLinks() == 0;
        empty.setVisible(none);
        grid.setVisible(!none);
        // With no links there is nothing to search, filter or select.
        toolbar.setVisible(!none);
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
                "Delete link", () -> ownLinks.deleteLinks(Set.of(link.shareId())));
    }

    private void confirmDeleteSelected() {
        Set<Long> ids = grid.selectedIds();
        confirm("delete-selected-confirm", "Delete " + ids.size() + (ids.size() == 1 ? " link?" : " links?"),
                "The selected links will no longer be available. The chats stay.",
                "Delete " + ids.size(), () -> ownLinks.deleteLinks(ids));
    }

    void confirmDeleteAll() {
        int count = ownLinks.countOwnLinks();
        confirm("delete-all-confirm", "Delete all shared links?",
                "All " + count + (count == 1 ? " link" : " links") + " you shared will stop working at once. "
                        + "Your chats stay, and so do copies others made.",
                "Delete all " + count, ownLinks::deleteAllLinks);
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
        });
        dialog.open();
    }

    /** The grid, for its rows' actions (built by the grid, so before the field is assigned). */
    private SharedLinksGrid grid() {
        return grid;
    }
}
