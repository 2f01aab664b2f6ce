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
 * a quarter of a session. It is off ({@value #HEADER_CACHE_SIZE}): a browser's fields (its user
 * agent, accept headers, cookie) need most of the 1,024 characters, and a smaller cache that one
 * does not fit is emptied and filled again on every request, which is worse than none. Without it
 * each field is parsed as it comes (a few small objects a request), and Jetty's static cache of
 * common fields ({@code Accept-Encoding: gzip}, {@code Connection: keep-alive}…) still applies.</li>
 * <li>Atmosphere gives each websocket a byte and a char buffer of {@code
 * org.atmosphere.websocket.bufferSize}, which Vaadin sets to 16,384 (48 KB a person). They are used
 * only for messages read as a stream, which Vaadin's endpoint does not do (it gets each message as
 * a string), and they grow when a longer one comes; the size of a message the websocket accepts
 * is a setting of its own ({@code maxTextMessageSize}) and is unchanged.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ConnectionMemory {

    /** Characters of request header fields Jetty keeps per connection: none (its default: 1,024). */
    static final int HEADER_CACHE_SIZE = 0;
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
     * set here holds for every push connection opened after the server started listening (one
     * opened in the moment before keeps Vaadin's size).
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
