package com.chatshare.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-level settings of the Vaadin UI: the Lumo theme and our own plain CSS. No custom frontend
 * code, so the prebuilt frontend bundle is used and Node never runs. Every page follows the
 * system's light or dark setting ({@code prefers-color-scheme}) unless the signed-in person chose
 * otherwise in the user menu ({@link AppearanceMenu}).
 *
 * <p>Push goes to the browser over a WebSocket, but what the browser sends (clicks, typed
 * passwords asked again) comes as ordinary requests: they pass every servlet filter, so the
 * forwarded client address and the sign-in throttle see the real client behind a proxy.
 */
@Push(transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "referrer", content = "same-origin")
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
public class AppShell implements AppShellConfigurator {

    /** The app's icon: an SVG for browsers that take one; /favicon.ico (the same picture) for the rest. */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "images/icon.svg", "any");
    }
}
