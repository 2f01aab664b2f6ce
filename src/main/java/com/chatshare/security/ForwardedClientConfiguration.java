package com.chatshare.security;

import org.eclipse.jetty.server.HttpConnectionFactory;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every connector of the application's Jetty the {@link ForwardedClient} customizer, so the
 * proxy's client and scheme are the request's before any handler or filter sees it.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedClientConfiguration {

    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> forwardedClientCustomizer(
            ForwardedClient.Properties properties) {
        ForwardedClient forwarded = new ForwardedClient(properties.trustedProxies());
        return factory -> factory.addServerCustomizers(server -> {
            for (var connector : server.getConnectors()) {
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    http.getHttpConfiguration().addCustomizer(forwarded);
                }
            }
        });
    }
}
