package com.chatshare;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context a fresh database of its own when the tests run against an
 * external MariaDB server (the {@code mariadb} profile with {@code SPRING_DATASOURCE_*}, as
 * docker-compose.yml runs the app). On the embedded database each context starts its own server,
 * and tests rely on that: one context's demo accounts, links and audit entries must not show up
 * in another's counts. So here each context creates {@code <database>_t<random>} on the configured
 * server with the configured account, points {@code spring.datasource.url} at it and drops it when
 * the context closes. Without {@code spring.datasource.url} it does nothing.
 *
 * <p>The {@code external-mariadb} Maven profile sets {@value #REQUIRED}: a run meant for an
 * external server then fails instead of passing quietly on the embedded one.
 */
class ExternalTestDatabases implements ContextCustomizerFactory {

    static final String REQUIRED = "chatshare.test.external-database-required";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new FreshDatabase();
    }

    /** Stateless, so equal for every test class: it never splits the context cache. */
    private static final class FreshDatabase implements ContextCustomizer {

        private static final Logger log = LoggerFactory.getLogger(ExternalTestDatabases.class);
        private static final Pattern URL = Pattern.compile("(jdbc:mariadb://[^/?]+/)([A-Za-z0-9_]*)(.*)");

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment environment = context.getEnvironment();
            String url = environment.getProperty("spring.datasource.url");
            if (url == null || url.isBlank()) {
                if (Boolean.getBoolean(REQUIRED)) {
                    throw new IllegalStateException("These tests are meant for an external MariaDB server: set "
                            + "SPRING_PROFILES_ACTIVE=mariadb and SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD "
                            + "(see README, Test), or run .ci/external-mariadb-tests");
                }
                return;
            }
            Matcher parts = URL.matcher(url);
            if (!parts.matches()) {
                throw new IllegalStateException("Expected jdbc:mariadb://HOST[:PORT]/DATABASE[?…], got " + url);
            }
            String base = parts.group(2).isEmpty() ? "chatshare" : parts.group(2);
            String name = base + "_t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            String serverUrl = parts.group(1) + parts.group(3);
            String username = environment.getProperty("spring.datasource.username");
            String password = environment.getProperty("spring.datasource.password");
            run(serverUrl, username, password,
                    "create database `" + name + "` character set utf8mb4 collate utf8mb4_unicode_ci");
            log.info("This test context uses the database {} on {}", name, parts.group(1));
            environment.getPropertySources().addFirst(new MapPropertySource("chatshareTestDatabase",
                    Map.of("spring.datasource.url", parts.group(1) + name + parts.group(3))));

            // Dropped when the context closes, after the data source (registered as depending on it).
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context.getBeanFactory();
            RootBeanDefinition drop = new RootBeanDefinition(DropOnClose.class,
                    () -> new DropOnClose(serverUrl, username, password, name));
            registry.registerBeanDefinition("chatshareTestDatabase", drop);
            context.getBeanFactory().registerDependentBean("chatshareTestDatabase", "dataSource");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FreshDatabase;
        }

        @Override
        public int hashCode() {
            return FreshDatabase.class.hashCode();
        }
    }

    private record DropOnClose(String serverUrl, String username, String password, String name)
            implements DisposableBean {

        @Override
        public void destroy() {
            try {
                run(serverUrl, username, password, "drop database if exists `" + name + "`");
            } catch (IllegalStateException e) {
                LoggerFactory.getLogger(ExternalTestDatabases.class).warn("Could not drop {}: {}", name, e.getMessage());
            }
        }
    }

    private static void run(String url, String username, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + url + " failed: " + e.getMessage()
                    + " (the account needs to be allowed to create databases named like this one)", e);
        }
    }
}
