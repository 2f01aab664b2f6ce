package com.chatshare.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link ForwardedClientFilter} in front of every other filter, the public page's included. */
@Configuration(proxyBeanMethods = false)
class ForwardedClientConfiguration {

    @Bean
    FilterRegistrationBean<ForwardedClientFilter> forwardedClientFilter(ForwardedClientFilter.Properties properties) {
        FilterRegistrationBean<ForwardedClientFilter> registration =
                new FilterRegistrationBean<>(new ForwardedClientFilter(properties.trustedProxies()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
