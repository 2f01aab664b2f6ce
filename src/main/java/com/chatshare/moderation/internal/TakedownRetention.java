package com.chatshare.moderation.internal;

import com.chatshare.sharing.ShareModeration;
import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The retention job: on {@link ModerationRetention#purgeCron()} (daily) the taken-down links whose
 * owners removed them longer ago than {@link ModerationRetention#retention()} are deleted for good
 * by sharing, which owns the links ({@link ShareModeration#purgeRemovedTakedowns}); moderation's
 * records of them go with them ({@link ModerationRecordsRetention}), and the run is audited.
 */
@Component
public class TakedownRetention implements SchedulingConfigurer {

    private final ShareModeration links;
    private final ModerationRetention retention;
    private final Clock clock;

    TakedownRetention(ShareModeration links, ModerationRetention retention, Clock clock) {
        this.links = links;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addCronTask(this::purge, retention.purgeCron());
    }

    /** One run of the job. @return how many links were purged */
    public int purge() {
        Instant cutoff = clock.instant().minus(retention.retention());
        return links.purgeRemovedTakedowns(cutoff);
    }
}
