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

    static String immutableIfFound(String header, String value, int status) {
        return "Cache-Control".equalsIgnoreCase(header) && status == HttpServletResponse.SC_OK ? IMMUTABLE : value;
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
            // Only a file that was found is kept for a year: a 404 (a file of another deployment's
            // bundle, asked for during a rolling update) must not be cached by anyone.
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setHeader(String name, String value) {
                    super.setHeader(name, immutableIfFound(name, value, getStatus()));
                }

                @Override
                public void addHeader(String name, String value) {
                    if ("Cache-Control".equalsIgnoreCase(name)) {
                        setHeader(name, value);
                    } else {
                        super.addHeader(name, value);
                    }
                }
            });
        }
    }
}
