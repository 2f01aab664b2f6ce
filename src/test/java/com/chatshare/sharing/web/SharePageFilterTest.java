package com.chatshare.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.chatshare.sharing.internal.SharePages;
import com.chatshare.sharing.internal.ViewCounter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** When the database cannot say whether a link exists, the page says so, and shows nothing else. */
class SharePageFilterTest {

    static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void a_failed_lookup_answers_503_with_a_plain_notice_and_no_stack_trace() throws Exception {
        SharePages pages = mock(SharePages.class);
        when(pages.head(TOKEN)).thenThrow(new DataAccessResourceFailureException("Connection refused: db:3306"));
        SharePageFilter filter = new SharePageFilter(pages, mock(ViewCounter.class), templates());
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/share/" + TOKEN), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.getContentAsString()).contains("try again in a minute")
                .doesNotContain("Connection refused", "Exception", "db:3306");
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
