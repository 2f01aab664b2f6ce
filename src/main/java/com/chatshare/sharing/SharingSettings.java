package com.chatshare.sharing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sharing's settings ({@code chatshare.sharing.*}), for sharing and for the public page, which
 * reads them from here.
 *
 * <p>The same prefix also holds {@code max-expiry} and {@code require-expiry}: those are the
 * sharing policy's starting values and are bound by the sharing-policy module
 * ({@code sharingpolicy/internal/ConfiguredExpiry}), which owns the policy; sharing knows the
 * policy only through its port {@link SharingRules}. Each record binds its own keys.
 *
 * @param continuesPerHour how many shared chats one account may continue (copy into its chats) in
 *        an hour, counted for the whole cluster
 * @param revocationPollInterval how often each node's public page reads the revocation feed
 *        (docs/decisions/0011-revocation-feed.md); its memory is trusted for five of these (at least 1 s)
 * @param viewFlushInterval how often each node adds the page views it counted to the links' counts
 *        (docs/decisions/0013-views-once-per-reader-a-day.md)
 */
@ConfigurationProperties("chatshare.sharing")
public record SharingSettings(@DefaultValue("30") int continuesPerHour,
        @DefaultValue("100ms") Duration revocationPollInterval, @DefaultValue("10s") Duration viewFlushInterval) {
}
