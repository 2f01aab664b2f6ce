package com.chatshare.base.ui;

import com.chatshare.base.Appearance;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes a signed-in person's chosen appearance into the app's HTML page itself, so a Dark choice
 * on a light system (or the other way round) paints right from the first frame instead of
 * flashing the system's scheme until the UI starts. Everyone else gets the page as it is
 * ({@code @ColorScheme} on {@link AppShell}): following the system.
 */
@Component
class AppearanceInIndexHtml implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(AppearanceInIndexHtml.class);

    private final ObjectProvider<AppearancePreference> preferences;

    AppearanceInIndexHtml(ObjectProvider<AppearancePreference> preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            AppearancePreference preference = preferences.getIfAvailable();
            if (preference == null) {
                return;
            }
            Appearance appearance;
            try {
                appearance = preference.current();
            } catch (RuntimeException e) {
                // No database: the page follows the system, and the UI says what went wrong if it must.
                log.debug("Could not read an appearance choice: {}", e.toString());
                return;
            }
            if (appearance != Appearance.SYSTEM) {
                ColorScheme.Value scheme = AppearanceMenu.colorScheme(appearance);
                Element html = response.getDocument().head().parent();
                html.attr("theme", scheme.getThemeValue());
                html.attr("style", "color-scheme: " + scheme.getValue() + ";");
            }
        });
    }
}
