package com.chatshare.sharing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long moderation keeps a taken-down link after its owner removed it (snapshot, reports,
 * reason, review requests); then a daily job deletes it for good and says so in the audit log.
 */
@ConfigurationProperties("chatshare.moderation")
public record ModerationRetention(@DefaultValue("180d") Duration retention) {
}
