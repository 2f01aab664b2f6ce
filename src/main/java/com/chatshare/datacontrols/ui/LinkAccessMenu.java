package com.chatshare.datacontrols.ui;

import com.chatshare.base.ui.Notifications;
import com.chatshare.sharing.ExpiryPolicy;
import com.chatshare.sharing.ShareAudience;
import com.chatshare.sharing.ShareException;
import com.chatshare.sharing.OwnLinksService;
import com.chatshare.sharing.SharingPolicy;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * "Change selected" in the shared-links grid: who can open the selected links, and when they
 * expire ("Expire in 7 days" also renews expired ones). One service call, one statement, each.
 */
class LinkAccessMenu extends MenuBar {

    /** The expiries the grid offers, from now; the instance's cap may leave some out. */
    static final List<Duration> EXPIRIES = List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));

    private final transient OwnLinksService ownLinks;
    private final transient Supplier<Set<Long>> selected;
    private final transient Runnable afterChange;
    private final MenuItem root;

    LinkAccessMenu(OwnLinksService ownLinks, Supplier<Set<Long>> selected, Runnable afterChange) {
        this.ownLinks = ownLinks;
        this.selected = selected;
        this.afterChange = afterChange;
        setId("change-selected");
        root = addItem("Change selected");
        root.addComponentAsFirst(VaadinIcon.COG_O.create());
        SubMenu menu = root.getSubMenu();
        SharingPolicy sharing = ownLinks.sharingPolicy();
        if (sharing.allowPublic()) {
            menu.addItem("Make selected available to anyone with the link", event -> audience(ShareAudience.ANYONE));
        }
        menu.addItem("Make selected signed-in only", event -> audience(ShareAudience.SIGNED_IN));
        ExpiryPolicy policy = sharing.expiry();
        for (Duration expiry : EXPIRIES) {
            if (policy.allows(expiry)) {
                long days = expiry.toDays();
                menu.addItem("Expire selected in " + days + (days == 1 ? " day" : " days"), event -> expireIn(expiry));
            }
        }
        if (!policy.required()) {
            menu.addItem("Selected never expire", event -> neverExpire());
        }
    }

    /**
     * The changes are enabled only while links are selected. The menu's own button stays enabled:
     * a disabled menu-bar button keeps its tab stop but refuses the focus, and inside a dialog's
     * focus trap Tab then stops on the field before it for good (found by KeyboardJourneyBrowserIT).
     */
    void setSelectedCount(int count) {
        root.getSubMenu().getItems().forEach(item -> item.setEnabled(count > 0));
    }

    private void audience(ShareAudience audience) {
        change(ids -> ownLinks.changeAudience(ids, audience), count -> count + (count == 1 ? " link is" : " links are")
                + " now for " + audience.label().toLowerCase(java.util.Locale.ROOT) + ".");
    }

    private void expireIn(Duration expiry) {
        change(ids -> ownLinks.expireIn(ids, expiry), count -> count + (count == 1 ? " link expires" : " links expire")
                + " in " + expiry.toDays() + (expiry.toDays() == 1 ? " day." : " days."));
    }

    private void neverExpire() {
        change(ids -> ownLinks.changeExpiry(ids, null), count -> count + (count == 1 ? " link" : " links")
                + " never expire" + (count == 1 ? "s." : "."));
    }

    private void change(java.util.function.ToIntFunction<Set<Long>> action,
            java.util.function.IntFunction<String> done) {
        Set<Long> ids = selected.get();
        if (ids.isEmpty()) {
            return;
        }
        try {
            int count = action.applyAsInt(ids);
            Notifications.success(done.apply(count));
        } catch (ShareException e) {
            Notifications.error(e.getMessage());
        }
        afterChange.run();
    }
}
