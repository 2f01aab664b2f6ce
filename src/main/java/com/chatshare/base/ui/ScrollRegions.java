package com.chatshare.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;

/**
 * Parts of a view that scroll on their own (a snapshot's preview, the chat's messages): they take
 * the keyboard focus, so people without a mouse can scroll them with the arrow keys (WCAG 2.1.1,
 * axe's scrollable-region-focusable), and have a name a screen reader announces when they do.
 */
public final class ScrollRegions {

    private ScrollRegions() {
    }

    /** Makes {@code region} focusable and names it; a role it already has (such as {@code log}) stays. */
    public static <T extends Component> T keyboardScrollable(T region, String name) {
        Element element = region.getElement();
        element.setAttribute("tabindex", "0");
        if (!element.hasAttribute("role")) {
            element.setAttribute("role", "region");
        }
        element.setAttribute("aria-label", name);
        return region;
    }
}
