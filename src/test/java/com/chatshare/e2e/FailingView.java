package com.chatshare.e2e;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * A view that fails while it is being entered, as a bug would, so the browser tests can open the
 * app's error view ({@code UnexpectedErrorView}); it exists on the test class path only.
 */
@Route("e2e/failing-view")
@PermitAll
class FailingView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        throw new IllegalStateException("A failure on purpose, to show the error view");
    }
}
