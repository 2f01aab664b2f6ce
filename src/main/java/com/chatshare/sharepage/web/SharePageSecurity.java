package com.chatshare.sharepage.web;

import com.chatshare.sharepage.internal.SharePages;
import com.chatshare.sharepage.internal.ViewCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The public share page registers itself (no configuration elsewhere names it): it is served by
 * {@link SharePageFilter} before any security filter, open to everyone, stateless (no session, no
 * cookie: the same bytes for every viewer, so ETags and shared caches work), with strict headers.
 * Its style sheet, and whatever else under {@code /share/} the filter passes on, get a filter
 * chain with the same rules. The continue page
 * ({@code /share/TOKEN/continue}) is an app view and stays in the Vaadin chain behind sign-in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SharePageSettings.class, PreviewCardSettings.class})
class SharePageSecurity {

    private static final Logger log = LoggerFactory.getLogger(SharePageSecurity.class);

    @Bean
    FilterRegistrationBean<SharePageFilter> sharePageFilter(SharePages pages, ViewCounter views, MeterRegistry meters,
            SpringTemplateEngine templates, Clock clock, PreviewCardSettings cards) {
        FilterRegistrationBean<SharePageFilter> registration = new FilterRegistrationBean<>(
                new SharePageFilter(pages, views, templates, meters, clock, new PreviewCards(cards)));
        registration.addUrlPatterns(SharePageFilter.PATH_PREFIX + "*");
        // Before Spring Security's chain, which this page does not need (see SharePageFilter); the
        // forwarded client and scheme are the request's already (security's Jetty customizer).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The preview card's picture, {@code /share/TOKEN/card.png} (decision 0027), with the page's 404 and 503. */
    @Bean
    FilterRegistrationBean<PreviewCardFilter> previewCardFilter(FilterRegistrationBean<SharePageFilter> sharePageFilter,
            SharePages pages, Clock clock, PreviewCardSettings cards) {
        if (!cards.hasPublicUrl()) {
            log.info("chatshare.public-url is not set: preview cards carry no og:url and no image (decision 0027)");
        }
        SharePageFilter page = sharePageFilter.getFilter();
        FilterRegistrationBean<PreviewCardFilter> registration = new FilterRegistrationBean<>(new PreviewCardFilter(
                pages, new PreviewCards(cards), clock, page.notFoundBytes(), page.unavailableBytes()));
        registration.addUrlPatterns(SharePageFilter.PATH_PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /**
     * Puts {@link KnownPageHandler} ahead of the servlet context (inside the handlers Spring Boot adds
     * after its customizers, such as graceful shutdown's), unless
     * {@code chatshare.share-page.ahead-of-servlets} is false. The handler answers known pages on the
     * selector threads themselves (decision 0024), so unless {@code server.jetty.threads.selectors}
     * says otherwise there is one selector per core, as nginx has a worker per core: Jetty's default,
     * half the cores, left one of two cores to serve every known page.
     */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> sharePageAheadOfServlets(SharePages pages,
            ViewCounter views, MeterRegistry meters, SharePageSettings settings) {
        return factory -> {
            if (settings.aheadOfServlets()) {
                if (factory.getSelectors() < 1) {
                    factory.setSelectors(Runtime.getRuntime().availableProcessors());
                }
                factory.addServerCustomizers(server -> server.setHandler(
                        new KnownPageHandler(server.getHandler(), pages, views, meters, factory.getContextPath())));
            }
        };
    }

    /** Health is OUT_OF_SERVICE until the page was rendered a few hundred times (not liveness). */
    @Bean
    SharePageWarmUp sharePageWarmUp(FilterRegistrationBean<SharePageFilter> sharePageFilter, SharePageSettings settings) {
        SharePageFilter filter = sharePageFilter.getFilter();
        return new SharePageWarmUp(() -> filter.renderForWarmUp(SharePageWarmUp.SAMPLE), settings.warmUpRenderings())
                .startInBackground();
    }

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
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SharePageFilter.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        .addHeaderWriter((request, response) ->
                                response.setHeader("X-Robots-Tag", "noindex, nofollow, noarchive")));
        return http.build();
    }
}
