package com.chatshare.moderation.internal;

import com.chatshare.moderation.OwnerNotice;
import com.chatshare.sharingpolicy.SharingPolicyChanged;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells owners, under the bell, what a sharing-policy change did to their links: one notice per
 * owner and change, written in the change's transaction.
 */
@Component
class PolicyNotices {

    /** The longest message a notice keeps (owner_notice.message). */
    static final int MESSAGE_MAX_LENGTH = 2000;

    private final Notices notices;
    private final Clock clock;

    PolicyNotices(Notices notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @EventListener
    void on(SharingPolicyChanged event) {
        if (event.notices().isEmpty()) {
            return;
        }
        Map<Long, String> messages = new LinkedHashMap<>();
        event.notices().forEach(notice -> messages.merge(notice.ownerId(), limited(notice.message()),
                (first, second) -> first));
        notices.insertAboutLinks(messages, OwnerNotice.Kind.SHARING_POLICY, clock.instant());
    }

    private static String limited(String message) {
        return message.length() <= MESSAGE_MAX_LENGTH ? message : message.substring(0, MESSAGE_MAX_LENGTH - 1) + "…";
    }
}
