package com.chatshare.base;

import jakarta.servlet.ServletContext;
import java.util.Collections;
import org.atmosphere.cpr.ApplicationConfig;
import org.atmosphere.cpr.AtmosphereFramework;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every open connection costs the heap, cut to what it uses. A signed-in person holds two
 * connections open (an HTTP one and the push websocket), so per-connection buffers count once per
 * person (BENCHMARKS.md, "How many people one node holds": heap dumps at 40 people):
 * <ul>
 * <li>Jetty's parser keeps a cache of request header fields per connection, sized for 1,024
 * characters of fields by default: a 96 KB {@code char[]} for every connection, 192 KB a person,
 * a quarter of a session. {@value #HEADER_CACHE_SIZE} characters hold the fields a client sends
 * the same on every request (host, the short accept headers); the static cache of common fields
 * stays as it is, and a field that does not fit is parsed as it comes, as any other.</li>
 * <li>Atmosphere gives each websocket a byte and a char buffer of {@code
 * org.atmosphere.websocket.bufferSize}, which Vaadin sets to 16,384 (48 KB a person). They are used
 * only for messages read as a stream, which Vaadin's endpoint does not do (it gets each message as
 * a string), and they grow when a longer one comes; the size of a message the websocket accepts
 * is a setting of its own ({@code maxTextMessageSize}) and is unchanged.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ConnectionMemory {

    /** Characters of request header fields Jetty keeps per connection (its default: 1,024). */
    static final int HEADER_CACHE_SIZE = 256;
    /** The starting size of a websocket's stream buffers (Vaadin's: 16,384); they grow when used. */
    static final String WEBSOCKET_BUFFER_SIZE = "256";

    private static final Logger log = LoggerFactory.getLogger(ConnectionMemory.class);

    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> headerCacheCustomizer() {
        return factory -> factory.addServerCustomizers(server -> {
            for (var connector : server.getConnectors()) {
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    http.getHttpConfiguration().setHeaderCacheSize(HEADER_CACHE_SIZE);
                }
            }
        });
    }

    /**
     * Vaadin creates its Atmosphere framework while the servlet context starts and keeps it as a
     * context attribute; each websocket reads the buffer size from it when it opens, so the size
     * set here holds for every push connection opened after the server started listening.
     */
    @Bean
    ApplicationListener<ServletWebServerInitializedEvent> smallWebsocketBuffers() {
        return event -> {
            ServletContext context = event.getApplicationContext().getServletContext();
            if (context == null) {
                return;
            }
            int frameworks = 0;
            for (String name : Collections.list(context.getAttributeNames())) {
                if (context.getAttribute(name) instanceof AtmosphereFramework framework) {
                    framework.addInitParameter(ApplicationConfig.WEBSOCKET_BUFFER_SIZE, WEBSOCKET_BUFFER_SIZE);
                    frameworks++;
                }
            }
            if (frameworks == 0) {
                log.warn("No Atmosphere framework in the servlet context: websockets keep Vaadin's 48 KB of buffers each");
            }
        };
    }
}
