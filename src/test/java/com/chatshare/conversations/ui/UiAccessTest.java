package com.chatshare.conversations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change to the page from an interrupted thread still happens (issue 25: an answer's end never
 * pushed). Reactor interrupts the thread that delivers an answer's last batch or its end when it
 * cancels a running timer task; nothing else here touches the session, as when the page waits.
 */
class UiAccessTest {

    private UI ui;
    private VaadinSession session;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        ui = UI.getCurrent();
        session = ui.getSession();
        // Karibu holds the session's lock for the whole test; a page between requests does not.
        session.unlock();
    }

    @AfterEach
    void tearDown() {
        session.lock();
        MockVaadin.tearDown();
    }

    @Test
    void a_change_from_an_interrupted_thread_is_made_and_the_interrupt_kept() throws InterruptedException {
        AtomicBoolean made = new AtomicBoolean();
        AtomicBoolean stillInterrupted = new AtomicBoolean();

        inInterruptedThread(() -> {
            UiAccess.run(ui, () -> made.set(true));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });

        assertThat(made).isTrue();
        assertThat(session.getPendingAccessQueue()).isEmpty();
        assertThat(stillInterrupted).isTrue();
    }

    /** Why {@link UiAccess} exists: Vaadin's own {@code access} leaves the change queued until the page's next request. */
    @Test
    void vaadin_alone_leaves_a_change_from_an_interrupted_thread_waiting() throws InterruptedException {
        AtomicBoolean made = new AtomicBoolean();

        inInterruptedThread(() -> ui.access(() -> made.set(true)));

        assertThat(made).isFalse();
        assertThat(session.getPendingAccessQueue()).hasSize(1);
    }

    @Test
    void a_change_from_a_thread_not_interrupted_is_made() throws InterruptedException {
        AtomicBoolean made = new AtomicBoolean();

        Thread thread = Thread.ofPlatform().start(() -> UiAccess.run(ui, () -> made.set(true)));
        thread.join(10_000);

        assertThat(made).isTrue();
    }

    private static void inInterruptedThread(Runnable body) throws InterruptedException {
        Thread thread = Thread.ofPlatform().start(() -> {
            Thread.currentThread().interrupt();
            body.run();
        });
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
    }
}
