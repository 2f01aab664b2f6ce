package com.chatshare.conversations.internal;

import com.chatshare.conversations.MessageStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Times assistant answers, from the request to their end, as {@value #REPLIES} with an
 * {@code outcome}: {@code complete}, {@code stopped} (by the user) or {@code failed} (an error,
 * a timeout, an answer cut off for its length). The count of {@code failed} is the failure
 * count; the buckets say how long people wait. Nothing about who asked or what.
 */
@Component
public class ReplyMeters {

    static final String REPLIES = "chatshare.assistant.replies";

    private final MeterRegistry registry;
    private final Map<MessageStatus, Timer> timers = new EnumMap<>(MessageStatus.class);

    ReplyMeters(MeterRegistry registry) {
        this.registry = registry;
        for (MessageStatus outcome : new MessageStatus[] {MessageStatus.COMPLETE, MessageStatus.STOPPED,
                MessageStatus.FAILED}) {
            timers.put(outcome, Timer.builder(REPLIES)
                    .description("Assistant answers, from the request to their end, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
                            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120))
                    .register(registry));
        }
    }

    /** Starts timing an answer that is being asked for. */
    public Timer.Sample start() {
        return Timer.start(registry);
    }

    /** Records how the answer ended: {@link MessageStatus#COMPLETE}, {@code STOPPED} or {@code FAILED}. */
    public void finished(Timer.Sample started, MessageStatus outcome) {
        Timer timer = timers.get(outcome);
        if (timer != null) {
            started.stop(timer);
        }
    }
}
