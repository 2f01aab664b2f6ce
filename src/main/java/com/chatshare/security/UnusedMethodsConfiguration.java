package com.chatshare.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link UnusedMethodsFilter} in front of Spring Security and the servlets, after the share
 * page's filter (which answers its own 405 with {@code Allow: GET, HEAD}).
 */
@Configuration(proxyBeanMethods = false)
class UnusedMethodsConfiguration {

    @Bean
    FilterRegistrationBean<UnusedMethodsFilter> unusedMethodsFilter() {
        FilterRegistrationBean<UnusedMethodsFilter> registration = new FilterRegistrationBean<>(new UnusedMethodsFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
