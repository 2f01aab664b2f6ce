package com.chatshare.sharing.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The public share pages get their own filter chain: open to everyone, stateless (no session,
 * no cookie: the same bytes for every viewer, so ETags and shared caches work), with strict
 * headers. The continue page ({@code /share/TOKEN/continue}) is an app view and stays in the
 * Vaadin chain behind sign-in.
 */
@Configuration(proxyBeanMethods = false)
class SharePageSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain sharePageFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/share/*", "/share-assets/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .securityContext(context -> context.requireExplicitSave(true))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        .addHeaderWriter((request, response) ->
                                response.setHeader("X-Robots-Tag", "noindex, nofollow, noarchive")));
        return http.build();
    }
}
