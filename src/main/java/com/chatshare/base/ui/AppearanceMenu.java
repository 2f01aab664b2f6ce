package com.chatshare.base.ui;

import com.chatshare.base.Appearance;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Page;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * User menu → Appearance → System / Light / Dark: applies the choice to the page at once and
 * keeps it with the account, so every later visit, in any browser, starts in it.
 *
 * <p>"System" is Lumo's {@code light-dark} scheme: the browser picks light or dark by
 * {@code prefers-color-scheme}, with CSS alone, and follows the system when it changes. Browser
 * tests get dark mode by starting Chromium with {@code --force-dark-mode} (or emulating
 * {@code prefers-color-scheme: dark}) for a user who left it at System.
 */
final class AppearanceMenu {

    static final String NOT_KEPT = "Your choice applies here, but could not be kept for your next visit. "
            + "Try again in a moment.";

    private static final Logger log = LoggerFactory.getLogger(AppearanceMenu.class);

    private final AppearancePreference preference;
    private final Map<Appearance, MenuItem> items = new EnumMap<>(Appearance.class);

    private AppearanceMenu(AppearancePreference preference) {
        this.preference = preference;
    }

    /** Adds the Appearance item to a user menu, with the person's current choice ticked. */
    static void addTo(SubMenu userMenu, AppearancePreference preference, Appearance current) {
        AppearanceMenu menu = new AppearanceMenu(preference);
        MenuItem parent = userMenu.addItem("Appearance");
        parent.setId("appearance-menu");
        for (Appearance appearance : Appearance.values()) {
            MenuItem item = parent.getSubMenu().addItem(appearance.label(), event -> menu.choose(appearance));
            item.setId("appearance-" + appearance.name().toLowerCase(Locale.ROOT));
            item.setCheckable(true);
            menu.items.put(appearance, item);
        }
        menu.tick(current);
    }

    /** Shows the page in an appearance: Lumo's colour scheme on the document element. */
    static void apply(Page page, Appearance appearance) {
        page.setColorScheme(colorScheme(appearance));
    }

    static ColorScheme.Value colorScheme(Appearance appearance) {
        return switch (appearance) {
            case SYSTEM -> ColorScheme.Value.LIGHT_DARK;
            case LIGHT -> ColorScheme.Value.LIGHT;
            case DARK -> ColorScheme.Value.DARK;
        };
    }

    private void choose(Appearance appearance) {
        // A checkable item unticks itself when clicked again: the choice stays ticked all the same.
        tick(appearance);
        apply(UI.getCurrent().getPage(), appearance);
        try {
            preference.choose(appearance);
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not keep an appearance choice: {}", e.toString());
            Notifications.error(NOT_KEPT);
        }
    }

    private void tick(Appearance chosen) {
        items.forEach((appearance, item) -> item.setChecked(appearance == chosen));
    }
}
