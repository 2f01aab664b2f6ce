package com.chatshare.base.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A grid's secondary columns, shown only where they fit: not on phone-sized screens (at most
 * {@value #PHONE_MAX_WIDTH} CSS pixels wide, the width styles.css calls a phone), following the
 * window when it is resized or the phone turned, and not while the view gives the grid less room
 * (a detail panel beside it); or, for a grid too wide for a laptop, only on wide screens
 * ({@link #hideBelow}). Actions stay reachable: keep the actions column among the main ones
 * (frozen to the end, it never scrolls away).
 */
public final class PhoneColumns {

    /** The widest window that counts as a phone; the same number as the media queries in styles.css. */
    public static final int PHONE_MAX_WIDTH = 600;

    private final List<Grid.Column<?>> secondary;
    /** The narrowest window that shows the columns. */
    private final int minWindowWidth;
    private final BooleanSupplier narrowed;
    /** The window's width as the browser last told it; 0 until it did. */
    private int windowWidth;

    private PhoneColumns(List<Grid.Column<?>> secondary, int minWindowWidth, BooleanSupplier narrowed) {
        this.secondary = secondary;
        this.minWindowWidth = minWindowWidth;
        this.narrowed = narrowed;
    }

    /** Hides the columns with these keys while the window is phone-sized. */
    public static PhoneColumns hideOnPhone(Grid<?> grid, String... secondaryColumnKeys) {
        return hideWhenNarrow(grid, () -> false, secondaryColumnKeys);
    }

    /**
     * Hides the columns with these keys while the window is phone-sized or while {@code narrowed}
     * says the grid has less room; call {@link #refit()} when that changes.
     */
    public static PhoneColumns hideWhenNarrow(Grid<?> grid, BooleanSupplier narrowed, String... secondaryColumnKeys) {
        return fit(grid, PHONE_MAX_WIDTH + 1, narrowed, secondaryColumnKeys);
    }

    /**
     * Hides the columns with these keys in windows narrower than {@code minWindowWidth} CSS pixels:
     * for a grid whose every column fits only on a wide screen. Give each column to one call only.
     */
    public static PhoneColumns hideBelow(Grid<?> grid, int minWindowWidth, String... secondaryColumnKeys) {
        return fit(grid, minWindowWidth, () -> false, secondaryColumnKeys);
    }

    private static PhoneColumns fit(Grid<?> grid, int minWindowWidth, BooleanSupplier narrowed, String... keys) {
        PhoneColumns columns = new PhoneColumns(List.of(keys).stream()
                .<Grid.Column<?>>map(key -> Objects.requireNonNull(grid.getColumnByKey(key), key)).toList(),
                minWindowWidth, narrowed);
        grid.addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> columns.fitTo(details.getWindowInnerWidth()));
            Registration resizes = page.addBrowserWindowResizeListener(resize -> columns.fitTo(resize.getWidth()));
            grid.addDetachListener(detach -> {
                resizes.remove();
                detach.unregisterListener();
            });
        });
        return columns;
    }

    /** Whether a window this wide is a phone; an unknown width (0 or less) is not. */
    public static boolean isPhone(int windowWidth) {
        return windowWidth > 0 && windowWidth <= PHONE_MAX_WIDTH;
    }

    /** Shows or hides the secondary columns again, after the room the view gives the grid changed. */
    public void refit() {
        // An unknown width (0: the browser has not said yet) shows them.
        boolean hide = (windowWidth > 0 && windowWidth < minWindowWidth) || narrowed.getAsBoolean();
        secondary.forEach(column -> column.setVisible(!hide));
    }

    /** What the browser said of the window's width, at attach and at every resize. */
    void fitTo(int width) {
        windowWidth = width;
        refit();
    }
}
