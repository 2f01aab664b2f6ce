package com.chatshare.base.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Objects;

/**
 * Grids on phone-sized screens (at most {@value #PHONE_MAX_WIDTH} CSS pixels wide, the width
 * styles.css calls a phone): only a grid's main columns show there, the secondary ones on wider
 * screens, following the window when it is resized or the phone turned. Actions stay reachable:
 * keep the actions column among the main ones (frozen to the end, it never scrolls away).
 */
public final class PhoneColumns {

    /** The widest window that counts as a phone; the same number as the media queries in styles.css. */
    public static final int PHONE_MAX_WIDTH = 600;

    private PhoneColumns() {
    }

    /** Hides the columns with these keys while the window is phone-sized. */
    public static void hideOnPhone(Grid<?> grid, String... secondaryColumnKeys) {
        List<Grid.Column<?>> secondary = List.of(secondaryColumnKeys).stream()
                .<Grid.Column<?>>map(key -> Objects.requireNonNull(grid.getColumnByKey(key), key)).toList();
        grid.addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> show(secondary, details.getWindowInnerWidth()));
            Registration resizes = page.addBrowserWindowResizeListener(resize -> show(secondary, resize.getWidth()));
            grid.addDetachListener(detach -> {
                resizes.remove();
                detach.unregisterListener();
            });
        });
    }

    /** Whether a window this wide is a phone; an unknown width (0 or less) is not. */
    public static boolean isPhone(int windowWidth) {
        return windowWidth > 0 && windowWidth <= PHONE_MAX_WIDTH;
    }

    private static void show(List<Grid.Column<?>> secondary, int windowWidth) {
        boolean phone = isPhone(windowWidth);
        secondary.forEach(column -> column.setVisible(!phone));
    }
}
