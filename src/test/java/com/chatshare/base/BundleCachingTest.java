package com.chatshare.base;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A year's caching for the bundle's content-hashed files that were found, and for nothing else. */
class BundleCachingTest {

    private final BundleCaching.HashedFiles filter = new BundleCaching.HashedFiles();

    @Test
    void a_found_hashed_file_is_cached_for_a_year() throws Exception {
        MockHttpServletResponse response = serve("/VAADIN/build/FlowClient-CIUrWdmV.js", HttpServletResponse.SC_OK);

        assertThat(response.getHeaders("Cache-Control")).containsExactly(BundleCaching.IMMUTABLE);
        assertThat(response.getHeaders("X-Other")).containsExactly("one", "two");
    }

    @Test
    void a_missing_hashed_file_is_not_cached_for_a_year() throws Exception {
        MockHttpServletResponse response = serve("/VAADIN/build/FlowClient-gone1234.js", HttpServletResponse.SC_NOT_FOUND);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeaders("Cache-Control")).containsExactly("max-age=3600");
    }

    @Test
    void a_file_without_a_hash_in_its_name_keeps_vaadins_header() throws Exception {
        MockHttpServletResponse response = serve("/VAADIN/build/webcomponenthub.js", HttpServletResponse.SC_OK);

        assertThat(response.getHeaders("Cache-Control")).containsExactly("max-age=3600");
    }

    /** What Vaadin's static file server does: the status, then its own cache header. */
    private MockHttpServletResponse serve(String path, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(status);
            http.setHeader("Cache-Control", "max-age=3600");
            http.addHeader("X-Other", "one");
            http.addHeader("X-Other", "two");
        });
        return response;
    }
}
