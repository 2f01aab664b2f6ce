package com.chatshare.sharepage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.chatshare.sharepage.internal.SharePages;
import com.chatshare.sharepage.internal.ViewCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** When the database cannot say whether a link exists, the page says so, and shows nothing else. */
class SharePageFilterTest {

    static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";

    /** The page and its Markdown download ({@code TOKEN.md}) alike. */
    @ParameterizedTest
    @ValueSource(strings = {"", ".md"})
    void a_failed_lookup_answers_503_with_a_plain_notice_and_no_stack_trace(String suffix) throws Exception {
        SharePages pages = mock(SharePages.class);
        when(pages.head(TOKEN)).thenThrow(new DataAccessResourceFailureException("Connection refused: db:3306"));
        SharePageFilter filter = new SharePageFilter(pages, mock(ViewCounter.class), templates(), new SimpleMeterRegistry(),
                java.time.Clock.systemUTC(), new PreviewCards(PreviewCardSettings.UNCONFIGURED));
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/share/" + TOKEN + suffix), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.getHeader("Content-Disposition")).isNull();
        assertThat(response.getContentAsString()).contains("try again in a minute")
                .doesNotContain("Connection refused", "Exception", "db:3306");
    }

    @Test
    void gzip_is_sent_only_to_clients_that_accept_it() {
        assertThat(SharePageFilter.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(SharePageFilter.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(SharePageFilter.acceptsGzip("x-gzip")).isTrue();
        assertThat(SharePageFilter.acceptsGzip("*")).isTrue();
        assertThat(SharePageFilter.acceptsGzip(null)).isFalse();
        assertThat(SharePageFilter.acceptsGzip("")).isFalse();
        assertThat(SharePageFilter.acceptsGzip("identity")).isFalse();
        assertThat(SharePageFilter.acceptsGzip("deflate, br")).isFalse();
        assertThat(SharePageFilter.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(SharePageFilter.acceptsGzip("gzip; q=0.000, *")).isFalse();
        assertThat(SharePageFilter.acceptsGzip("*;q=0, br")).isFalse();
        assertThat(SharePageFilter.acceptsGzip("gzip;q=nonsense")).isFalse();
        assertThat(SharePageFilter.acceptsGzip("gzipped")).isFalse();
        assertThat(SharePageFilter.acceptsGzip("deflate,GZIP")).isTrue();
        assertThat(SharePageFilter.acceptsGzip("br,\tgzip ")).isTrue();
        assertThat(SharePageFilter.acceptsGzip("x-gzipped, br")).isFalse();
        assertThat(SharePageFilter.acceptsGzip("identity, *")).isTrue();
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
