package com.chatshare.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives Jetty the token-free {@link AccessLog} when {@code chatshare.access-log.enabled} is true
 * (default false). Spring Boot's own {@code server.jetty.accesslog.*} would write share tokens in
 * clear: leave it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("chatshare.access-log.enabled")
class AccessLogConfiguration {

    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> accessLogCustomizer() {
        return factory -> factory.addServerCustomizers(server -> server.setRequestLog(new AccessLog()));
    }
}
