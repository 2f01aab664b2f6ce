package com.chatshare.sharepage.web;

import com.chatshare.conversations.MessageRole;
import com.chatshare.sharing.PublicSnapshot;
import com.chatshare.sharing.SnapshotMessage;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Keeps a node out of a balancer until the public page's path is warm: health (the whole of it and
 * the readiness group, not liveness) says OUT_OF_SERVICE until the page of a made-up snapshot has
 * been rendered, compressed and tagged {@link SharePageSettings#warmUpRenderings()} times, once, on
 * a thread of its own that starts while the application is still starting. Without it the first
 * seconds of a node met a cold JIT: 3 to 6 % of nginx's rate (BENCHMARKS.md, "Cold start").
 *
 * <p>It renders in-process and sends no request: no link is looked up, no view counted, nothing
 * written to the access log. A warm-up that fails still ends it (the log says why): a node that
 * cannot render a page answers its readers with errors either way, and must not stay out for that.
 */
final class SharePageWarmUp implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SharePageWarmUp.class);

    /** About the demo link's page (2 KB): a title, a question, an answer with a list and code. */
    static final PublicSnapshot SAMPLE = new PublicSnapshot(0, "Warming up: a made-up conversation", "nobody",
            Instant.EPOCH, Instant.EPOCH, 2, List.of(
                    new SnapshotMessage(MessageRole.USER, "<p>How do I keep a server warm before it takes traffic?</p>"),
                    new SnapshotMessage(MessageRole.ASSISTANT, "<p>Render the page a few hundred times first:</p>"
                            + "<ul><li>the template engine</li><li>gzip</li><li>the digest</li></ul>"
                            + "<pre><code>for (int i = 0; i &lt; 300; i++) render();</code></pre>", 1)), true);

    private final Runnable rendering;
    private final int renderings;
    private volatile boolean warm;

    /**
     * @param rendering one rendering of the page, as a request would render it
     * @param renderings how many; 0 says ready at once (the tests' contexts)
     */
    SharePageWarmUp(Runnable rendering, int renderings) {
        this.rendering = rendering;
        this.renderings = renderings;
        this.warm = renderings <= 0;
    }

    /**
     * Starts the warm-up on a thread of its own, as soon as what renders the page exists: it then
     * runs beside the rest of the start (Jetty, Vaadin's servlet, the remaining beans), which keeps
     * the main thread busy on one of the machine's cores, instead of after it.
     */
    SharePageWarmUp startInBackground() {
        if (!warm) {
            Thread.ofPlatform().daemon().name("share-page-warm-up").start(this::warmUp);
        }
        return this;
    }

    /** Renders the page {@code renderings} times, then says ready. */
    void warmUp() {
        long started = System.nanoTime();
        try {
            for (int i = 0; i < renderings; i++) {
                rendering.run();
            }
            log.info("Share page warmed up: {} renderings in {} ms; ready for traffic", renderings,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Share page warm-up failed; ready for traffic anyway", e);
        } finally {
            warm = true;
        }
    }

    @Override
    public Health health() {
        return warm ? Health.up().build() : Health.outOfService().build();
    }
}
