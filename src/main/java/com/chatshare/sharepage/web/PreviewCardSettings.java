package com.chatshare.sharepage.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a link's preview card says about this instance (decision 0027).
 *
 * @param publicUrl {@code chatshare.public-url}: the address people reach the instance at, from which
 *     the card's {@code og:url} and image address are made. Not the request's {@code Host}: the page
 *     is the same bytes for every reader, so the first reader's header would be everyone's. Without
 *     it, a card has no {@code og:url} and no image (a {@code summary} card of the title alone).
 * @param siteName {@code chatshare.site-name}: the name the card's description and image show
 */
@ConfigurationProperties("chatshare")
record PreviewCardSettings(@DefaultValue("") String publicUrl, @DefaultValue("Chatshare") String siteName) {

    /** No public address, the default name: a card without an image. */
    static final PreviewCardSettings UNCONFIGURED = new PreviewCardSettings("", "Chatshare");

    PreviewCardSettings {
        publicUrl = publicUrl.strip();
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        siteName = siteName.isBlank() ? "Chatshare" : siteName.strip();
    }

    /** Whether absolute addresses can be made: {@link #publicUrl} is set. */
    boolean hasPublicUrl() {
        return !publicUrl.isEmpty();
    }
}
