package com.chatshare.moderation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Moderation's retention settings ({@code chatshare.moderation.*}).
 *
 * @param retention how long moderation keeps a taken-down link after its owner removed it
 *        (snapshot, reports, reason, review requests); then the retention job
 *        ({@link TakedownRetention}) has sharing delete it for good and says so in the audit log
 * @param purgeCron when that job runs (a Spring cron expression, the server's time zone): daily at 03:17
 */
@ConfigurationProperties("chatshare.moderation")
public record ModerationRetention(@DefaultValue("180d") Duration retention,
        @DefaultValue("0 17 3 * * *") String purgeCron) {
}
