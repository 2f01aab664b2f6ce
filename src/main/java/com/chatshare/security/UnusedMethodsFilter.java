package com.chatshare.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every HTTP method that no route of the app uses with an empty 405, before Spring
 * Security and the servlets: the app's pages, Vaadin's requests, the share page and the report
 * form only ever take {@code GET}, {@code HEAD} and {@code POST}. Without it the Vaadin servlet
 * answered {@code OPTIONS} with an {@code Allow} list of {@code PUT, PATCH, DELETE}, and
 * {@code TRACE} was left to each servlet. No cross-origin caller is served, so no preflight
 * ({@code OPTIONS}) is needed either.
 */
class UnusedMethodsFilter extends OncePerRequestFilter {

    static final Set<String> USED = Set.of("GET", "HEAD", "POST");
    static final String ALLOW = "GET, HEAD, POST";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (USED.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        // Answered here, not with sendError: an empty 405 with Allow, without the app's error page.
        response.setHeader("Allow", ALLOW);
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setContentLength(0);
    }
}
