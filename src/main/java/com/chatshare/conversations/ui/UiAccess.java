package com.chatshare.conversations.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.VaadinSession;

/**
 * A change to a page from a thread of its own (an answer's batches and its end), which happens
 * even when that thread is interrupted.
 *
 * <p>{@link UI#access} queues the change and runs the queue if it can take the session's lock at
 * once ({@code tryLock(0, SECONDS)}), or leaves it to the thread holding the lock, which runs the
 * queue again after unlocking. An interrupted thread gives up on that lock without running the
 * queue, so a change left to it waits for the page's next request: the answer's end was never
 * pushed (issue 25, 1 answer in 3,000 under load). Reactor interrupts a batch timer's thread when
 * the answer ends while that timer is flushing its last batch ({@code Worker.dispose} cancels a
 * running task with an interrupt). So after queuing, an interrupted thread runs the queue itself,
 * then keeps its interrupt for whoever asked for it.
 */
final class UiAccess {

    private UiAccess() {
    }

    /** Runs {@code task} on {@code ui} as {@link UI#access} does; nothing if the user left. */
    static void run(UI ui, Runnable task) {
        VaadinSession session = ui.getSession();
        try {
            ui.access(task::run);
        } catch (UIDetachedException e) {
            // The user left; the answer is stored all the same.
            return;
        } finally {
            if (session != null && Thread.interrupted()) {
                try {
                    session.getService().ensureAccessQueuePurged(session);
                } finally {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
