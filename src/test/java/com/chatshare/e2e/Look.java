package com.chatshare.e2e;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * How a page is seen: a desktop or a phone's viewport, in the light or the dark colour scheme the
 * operating system asks for. Applied through the DevTools protocol, so the viewport is exact (the
 * screenshots are that size) and {@code prefers-color-scheme} answers as on a system set to dark.
 */
enum Look {

    DESKTOP_LIGHT(1280, 800, false, "light"),
    PHONE_LIGHT(390, 844, true, "light"),
    DESKTOP_DARK(1280, 800, false, "dark"),
    PHONE_DARK(390, 844, true, "dark");

    final int width;
    final int height;
    final boolean phone;
    final String scheme;

    Look(int width, int height, boolean phone, String scheme) {
        this.width = width;
        this.height = height;
        this.phone = phone;
        this.scheme = scheme;
    }

    /** Applies to the browser's tab for the rest of its life, across navigations. */
    void applyTo(WebDriver driver) {
        HasCdp cdp = (HasCdp) driver;
        cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", phone));
        cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of(
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** For file names and messages: {@code desktop-light}, {@code phone-dark}. */
    String label() {
        return (phone ? "phone" : "desktop") + "-" + scheme;
    }
}
