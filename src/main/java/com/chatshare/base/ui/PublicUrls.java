package com.chatshare.base.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute URLs for links people copy: {@code chatshare.public-url} when set (behind a proxy,
 * set it), otherwise the scheme and host of the current request.
 */
@Component
public class PublicUrls {

    private final String configured;

    public PublicUrls(@Value("${chatshare.public-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** The absolute URL of a path of this application, e.g. {@code /share/TOKEN}. */
    public String absolute(String path) {
        if (!configured.isBlank()) {
            return configured + path;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request instanceof VaadinServletRequest servletRequest) {
            HttpServletRequest http = servletRequest.getHttpServletRequest();
            boolean defaultPort = ("http".equals(http.getScheme()) && http.getServerPort() == 80)
                    || ("https".equals(http.getScheme()) && http.getServerPort() == 443);
            return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                    + http.getContextPath() + path;
        }
        return path;
    }
}
