package com.chatshare.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A view that puts something of its own into the drawer below the navigation, such as the chat
 * list. Lets {@link MainLayout} stay free of any feature.
 */
public interface HasDrawerContent {

    Component drawerContent();
}
