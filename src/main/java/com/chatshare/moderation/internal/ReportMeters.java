package com.chatshare.moderation.internal;

import com.chatshare.moderation.ModerationEvents.ReportFiled;
import com.chatshare.moderation.ReportReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts viewer reports as {@value #FILED}, by {@code reason}, once they are stored: a report
 * refused by a limit, or rolled back, is not counted. Never which link or who reported it.
 */
@Component
class ReportMeters {

    static final String FILED = "chatshare.reports.filed";

    private final Map<ReportReason, Counter> filed = new EnumMap<>(ReportReason.class);

    ReportMeters(MeterRegistry registry) {
        for (ReportReason reason : ReportReason.values()) {
            filed.put(reason, Counter.builder(FILED)
                    .description("Viewer reports of shared chats, stored, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ReportFiled report) {
        filed.get(report.reason()).increment();
    }
}
