package com.chatshare.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatshare.OwnSpringContext;
import com.chatshare.RealServerTest;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.List;
import org.atmosphere.cpr.ApplicationConfig;
import org.atmosphere.cpr.AtmosphereFramework;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * On the real server: every connector's parser keeps a small header cache, and the push
 * websockets Vaadin's Atmosphere opens start with small stream buffers (BENCHMARKS.md: together
 * 240 KB of a signed-in person's heap before).
 */
@RealServerTest
@OwnSpringContext
class ConnectionMemoryTest {

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void every_http_connector_keeps_a_small_header_cache() {
        var server = ((JettyWebServer) context.getWebServer()).getServer();
        List<HttpConnectionFactory> factories = List.of(server.getConnectors()).stream()
                .map(connector -> connector.getConnectionFactory(HttpConnectionFactory.class)).toList();
        assertThat(factories).isNotEmpty().allSatisfy(http -> assertThat(http.getHttpConfiguration()
                .getHeaderCacheSize()).isEqualTo(ConnectionMemory.HEADER_CACHE_SIZE));
    }

    @Test
    void vaadins_atmosphere_opens_websockets_with_small_buffers() {
        ServletContext servlets = context.getServletContext();
        List<AtmosphereFramework> frameworks = Collections.list(servlets.getAttributeNames()).stream()
                .map(servlets::getAttribute).filter(AtmosphereFramework.class::isInstance)
                .map(AtmosphereFramework.class::cast).toList();
        assertThat(frameworks).as("Vaadin's Atmosphere, kept in the servlet context").isNotEmpty()
                .allSatisfy(framework -> assertThat(framework.getAtmosphereConfig()
                        .getInitParameter(ApplicationConfig.WEBSOCKET_BUFFER_SIZE))
                        .isEqualTo(ConnectionMemory.WEBSOCKET_BUFFER_SIZE));
    }
}
