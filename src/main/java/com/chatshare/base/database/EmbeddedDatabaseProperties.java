package com.chatshare.base.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded MariaDB that starts when no external database is configured.
 *
 * @param dataDir where the database files live; blank for a throw-away directory (tests)
 * @param port TCP port on the loopback interface; 0 picks a free one
 * @param databaseName the schema the application uses
 */
@ConfigurationProperties("chatshare.embedded-database")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/mariadb") String dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("chatshare") String databaseName) {

    public boolean isEphemeral() {
        return dataDir == null || dataDir.isBlank();
    }
}
