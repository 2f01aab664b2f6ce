package com.chatshare.sharing.ui;

import com.chatshare.disclosure.SnapshotCheck;
import com.chatshare.disclosure.SnapshotCheck.Finding;
import com.chatshare.sharing.PreviewMessage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the check before sharing over the share dialog's preview: the messages on screen at once,
 * the rest on a background thread, {@value #CHUNK} at a time, each chunk's findings pushed to the
 * dialog as they arrive. A long chat's dialog opens without waiting for a thousand messages to be
 * scanned (issue 21, item 7); the owner may share before the check ends — it only warns.
 * Starting again (the preview was read again) or stopping (the dialog closed) drops what the
 * earlier run had not delivered yet.
 */
final class PreviewCheck {

    static final int CHUNK = 100;

    private static final Logger log = LoggerFactory.getLogger(PreviewCheck.class);

    /** What the dialog does with findings: the chunk's (only messages with findings), and whether the check is over. */
    interface Findings {
        void found(Map<Long, List<Finding>> findings, boolean complete);
    }

    private final Executor executor;
    private final SnapshotCheck check;
    /** Bumped by every start and stop: a run delivers only while its number is still current. */
    private volatile int run;

    PreviewCheck(Executor executor, SnapshotCheck check) {
        this.executor = executor;
        this.check = check;
    }

    /**
     * Checks the first {@code atOnce} messages now, handing their findings over before returning,
     * and the rest in the background, handing them over in this UI's session lock.
     */
    void start(UI ui, List<PreviewMessage> messages, int atOnce, Findings findings) {
        int current = ++run;
        int now = Math.min(atOnce, messages.size());
        List<PreviewMessage> rest = List.copyOf(messages.subList(now, messages.size()));
        findings.found(scan(messages.subList(0, now)), rest.isEmpty());
        if (rest.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> checkRest(ui, rest, current, findings));
        } catch (RejectedExecutionException e) {
            // The server is shutting down: the dialog warns about what it could check.
            log.warn("Could not check the rest of a share preview in the background", e);
            findings.found(Map.of(), true);
        }
    }

    /** The dialog closed: whatever is still running delivers nothing more. */
    void stop() {
        run++;
    }

    private boolean isRunning(int number) {
        return run == number;
    }

    private void checkRest(UI ui, List<PreviewMessage> rest, int number, Findings findings) {
        for (int from = 0; from < rest.size() && isRunning(number); from += CHUNK) {
            List<PreviewMessage> chunk = rest.subList(from, Math.min(rest.size(), from + CHUNK));
            boolean complete = from + CHUNK >= rest.size();
            Map<Long, List<Finding>> found;
            try {
                found = scan(chunk);
            } catch (RuntimeException e) {
                log.error("The check before sharing failed on a share preview", e);
                found = Map.of();
                complete = true;
            }
            if (!deliver(ui, number, found, complete, findings) || complete) {
                return;
            }
        }
    }

    private boolean deliver(UI ui, int number, Map<Long, List<Finding>> found, boolean complete, Findings findings) {
        try {
            ui.access(() -> {
                if (isRunning(number)) {
                    findings.found(found, complete);
                }
            });
            return true;
        } catch (UIDetachedException e) {
            // The owner left the page: nobody is waiting for the rest.
            return false;
        }
    }

    private Map<Long, List<Finding>> scan(List<PreviewMessage> messages) {
        Map<Long, List<Finding>> found = new HashMap<>();
        for (PreviewMessage message : messages) {
            List<Finding> inMessage = check.scan(message.content());
            if (!inMessage.isEmpty()) {
                found.put(message.messageId(), inMessage);
            }
        }
        return found;
    }
}
