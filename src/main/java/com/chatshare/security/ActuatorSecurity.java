package com.chatshare.security;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The actuator endpoints, for machines: health for everyone (load balancers, container probes),
 * everything else — the Prometheus scrape above all — for admins only. A scraper cannot fill in
 * the Vaadin login form, so this chain takes HTTP Basic instead, checked by the application's
 * one {@link ThrottledAuthenticationProvider}: a wrong password here counts against the sign-in
 * throttle like one on the login form, and a locked account or address is refused here too.
 * Stateless: no session is made or read, so a scrape leaves nothing behind, and a browser's
 * session cookie opens nothing here.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    /** What an actuator answer (JSON or plain text) may make a browser do: nothing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    static final String REALM = "Basic realm=\"Chatshare\"";

    @Bean
    @Order(3)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
        // The endpoints wherever they are (another base path, another port: management.server.port),
        // and /actuator/** as well, so a path that is no exposed endpoint asks for credentials like
        // the others instead of sending a scraper to the login view.
        http.securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(),
                        PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole(AppRoles.ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(ActuatorSecurity::askForCredentials))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ActuatorSecurity::askForCredentials)
                        .accessDeniedHandler((request, response, denied) ->
                                response.setStatus(HttpStatus.FORBIDDEN.value())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                // CSRF stays on: browsers resend Basic credentials by themselves, so a forged POST to
                // a writable endpoint, were one ever exposed, is refused. GETs (scrapes) need no token.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * A bare 401 (and a bare 403 above), not an error page: a scraper reads the status and the
     * {@code WWW-Authenticate} header, not a page. (Before the app's chain let error dispatches
     * through, an error dispatch here sent the scraper to the login view: a 302 instead of the 401.)
     */
    private static void askForCredentials(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
    }
}
