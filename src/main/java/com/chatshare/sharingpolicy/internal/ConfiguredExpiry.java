package com.chatshare.sharingpolicy.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sharing policy's expiry rules as configured ({@code CHATSHARE_SHARING_MAXEXPIRY},
 * {@code CHATSHARE_SHARING_REQUIREEXPIRY}): they hold until an admin first saves the policy, and
 * are not read after that (docs/decisions/0016-sharing-policy.md).
 *
 * @param maxExpiry the longest a link may stay open from when its expiry is set; zero for no cap
 * @param requireExpiry whether every new or changed expiry must be a date (no "Never")
 */
@ConfigurationProperties("chatshare.sharing")
public record ConfiguredExpiry(@DefaultValue("0s") Duration maxExpiry, boolean requireExpiry) {
}
