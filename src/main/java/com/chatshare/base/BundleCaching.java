package com.chatshare.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Vaadin's frontend bundle files carry a hash of their content in their names
 * ({@code FlowClient-CIUrWdmV.js}): a changed file gets a new name, so a browser may keep one for
 * a year without asking again. Vaadin's static file server gives them an hour, after which every
 * page load revalidates each file. Files without such a name keep Vaadin's own header.
 */
@Configuration
class BundleCaching {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Vite's names: the file's name, a dash, eight characters of the content's hash, the extension. */
    static final Pattern HASHED_NAME = Pattern.compile("[^/]*-[A-Za-z0-9_-]{8}\\.(?:js|css|woff2?)");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> bundleCachingFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new HashedFiles());
        registration.addUrlPatterns("/VAADIN/build/*");
        registration.setName("bundleCaching");
        return registration;
    }

    static boolean isHashed(String path) {
        int slash = path.lastIndexOf('/');
        return HASHED_NAME.matcher(path.substring(slash + 1)).matches();
    }

    static final class HashedFiles extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!isHashed(request.getRequestURI())) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader("Cache-Control", IMMUTABLE);
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setHeader(String name, String value) {
                    if (!"Cache-Control".equalsIgnoreCase(name)) {
                        super.setHeader(name, value);
                    }
                }

                @Override
                public void addHeader(String name, String value) {
                    if (!"Cache-Control".equalsIgnoreCase(name)) {
                        super.addHeader(name, value);
                    }
                }
            });
        }
    }
}
