package com.chatshare.base.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded MariaDB, points the data source at it and reports its process's health, when
 * no external database is configured. With {@code spring.datasource.url} set (or the {@code mariadb} profile) none of
 * this exists and Spring Boot's own data source configuration applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedDatabase
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
        return EmbeddedMariaDb.start(properties);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb embeddedMariaDb) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.mariadb.jdbc.Driver")
                .url(embeddedMariaDb.jdbcUrl())
                .username(EmbeddedMariaDb.USERNAME)
                .password(embeddedMariaDb.password())
                .build();
        dataSource.setPoolName("chatshare-embedded");
        return dataSource;
    }

    /** Reported by the health endpoint as {@code embeddedMariaDb}. */
    @Bean
    EmbeddedMariaDbHealthIndicator embeddedMariaDbHealthIndicator(EmbeddedMariaDb embeddedMariaDb) {
        return new EmbeddedMariaDbHealthIndicator(embeddedMariaDb);
    }
}
