package com.chatshare.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a feature shows in the header of every signed-in view, before the user menu (the
 * owner's notices, say). Features provide it as a Spring bean; the layout asks each for a new
 * component when it is built, so base depends on no feature.
 */
public interface HeaderItem {

    Component create();
}
