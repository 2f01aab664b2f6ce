package com.chatshare.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Gives Vaadin's "not found" page (an unknown address, a chat that is not yours) a title, which it
 * lacks: a browser tab and a screen reader would otherwise name the page by nothing. Vaadin's own
 * view is kept, rather than replaced by one of ours, because the UI tests rely on Karibu's
 * stand-in for it.
 */
@Component
class NotFoundTitle implements VaadinServiceInitListener {

    static final String TITLE = "Page not found · Chatshare";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addAfterNavigationListener(NotFoundTitle::titled));
    }

    private static void titled(AfterNavigationEvent event) {
        if (!event.getActiveChain().isEmpty() && event.getActiveChain().getFirst() instanceof RouteNotFoundError) {
            // Vaadin sets the (empty) title after the navigation's listeners have run: ours goes last.
            UI ui = event.getLocationChangeEvent().getUI();
            ui.beforeClientResponse(ui, context -> ui.getPage().setTitle(TITLE));
        }
    }
}
