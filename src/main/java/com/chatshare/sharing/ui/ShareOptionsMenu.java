package com.chatshare.sharing.ui;

import com.chatshare.sharing.ShareVisibility;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.util.function.Consumer;

/** The share dialog's three dots: Share your name / Share anonymously, and Delete link once there is one. */
class ShareOptionsMenu extends MenuBar {

    private final MenuItem named;
    private final MenuItem anonymous;
    private final MenuItem delete;

    ShareOptionsMenu(Consumer<ShareVisibility> onVisibility, Runnable onDelete) {
        setId("share-menu");
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_ICON);
        MenuItem more = addItem(VaadinIcon.ELLIPSIS_DOTS_H.create());
        more.setAriaLabel("Sharing options");
        named = more.getSubMenu().addItem("Share your name", event -> onVisibility.accept(ShareVisibility.NAMED));
        named.setCheckable(true);
        anonymous = more.getSubMenu().addItem("Share anonymously",
                event -> onVisibility.accept(ShareVisibility.ANONYMOUS));
        anonymous.setCheckable(true);
        delete = more.getSubMenu().addItem("Delete link", event -> onDelete.run());
        delete.setId("delete-link");
    }

    void show(ShareVisibility visibility, boolean linkExists) {
        named.setChecked(visibility == ShareVisibility.NAMED);
        anonymous.setChecked(visibility == ShareVisibility.ANONYMOUS);
        delete.setVisible(linkExists);
    }
}
