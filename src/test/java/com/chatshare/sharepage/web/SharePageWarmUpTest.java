package com.chatshare.sharepage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.chatshare.sharepage.internal.SharePages;
import com.chatshare.sharepage.internal.ViewCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** A node says it is ready only after the page was rendered at start, and the warm-up is nobody's visit. */
class SharePageWarmUpTest {

    @Test
    void health_is_out_of_service_until_the_page_was_rendered_then_up() {
        AtomicInteger renderings = new AtomicInteger();
        SharePageWarmUp warmUp = new SharePageWarmUp(renderings::incrementAndGet, 300);

        assertThat(warmUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        warmUp.warmUp();

        assertThat(renderings).hasValue(300);
        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void the_warm_up_renders_the_real_page_without_looking_up_a_link_or_counting_a_view() {
        SharePages pages = mock(SharePages.class);
        ViewCounter views = mock(ViewCounter.class);
        SharePageFilter filter = new SharePageFilter(pages, views, templates(), new SimpleMeterRegistry(),
                Clock.systemUTC(), new PreviewCards(PreviewCardSettings.UNCONFIGURED));

        SharePages.RenderedPage page = filter.renderForWarmUp(SharePageWarmUp.SAMPLE);
        new SharePageWarmUp(() -> filter.renderForWarmUp(SharePageWarmUp.SAMPLE), 20).warmUp();

        assertThat(new String(page.html(), java.nio.charset.StandardCharsets.UTF_8))
                .contains(SharePageWarmUp.SAMPLE.title()).contains("keep a server warm");
        assertThat(page.gzipped()).isNotEmpty();
        verifyNoInteractions(pages, views);
    }

    @Test
    void a_failed_warm_up_still_ends_it_so_the_node_is_not_kept_out_for_ever() {
        SharePageWarmUp warmUp = new SharePageWarmUp(() -> {
            throw new IllegalStateException("no template");
        }, 300);

        warmUp.warmUp();

        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void started_in_the_background_it_says_up_once_its_thread_has_rendered_the_page() throws InterruptedException {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger renderings = new AtomicInteger();
        SharePageWarmUp warmUp = new SharePageWarmUp(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            renderings.incrementAndGet();
        }, 5).startInBackground();

        assertThat(warmUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        go.countDown();
        org.awaitility.Awaitility.await().until(() -> warmUp.health().getStatus().equals(Status.UP));
        assertThat(renderings).hasValue(5);
    }

    @Test
    void no_renderings_means_ready_at_once() {
        assertThat(new SharePageWarmUp(() -> { }, 0).health().getStatus()).isEqualTo(Status.UP);
    }

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
