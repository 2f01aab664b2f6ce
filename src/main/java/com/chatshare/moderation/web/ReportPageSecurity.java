package com.chatshare.moderation.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The report form: open to everyone, no session, CSRF protected with Spring Security's token
 * (kept in a cookie, as there is no session), and the share pages' strict headers.
 */
@Configuration(proxyBeanMethods = false)
class ReportPageSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain reportPageFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/share/*/report")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; style-src 'self'; "
                                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter((request, response) ->
                                response.setHeader("X-Robots-Tag", "noindex, nofollow, noarchive")));
        return http.build();
    }
}
