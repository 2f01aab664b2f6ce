package com.chatshare.base.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's init file: the statements that create the application's schema and
 * account with its password, in a file only its owner can read, which exists only while the
 * server starts ({@link EmbeddedMariaDb}).
 */
final class InitFile {

    private static final Logger log = LoggerFactory.getLogger(InitFile.class);

    private InitFile() {
    }

    static void delete(@Nullable Path initFile) {
        if (initFile != null) {
            try {
                Files.deleteIfExists(initFile);
            } catch (IOException e) {
                log.warn("Could not delete the embedded database's init file {}", initFile, e);
            }
        }
    }

    /**
     * The application's own account, with rights on its schema only; root keeps the defaults of a
     * fresh installation (only the system user root, through the socket). The anonymous accounts
     * {@code mariadb-install-db} creates (any name, no password, from this machine) are removed, as
     * {@code mariadb-secure-installation} would.
     */
    static List<String> statements(String databaseName, String password) {
        String user = "'" + EmbeddedMariaDb.USERNAME + "'@'127.0.0.1'";
        // One statement per line: that is how mysqld reads an init file.
        return List.of(
                "delete from mysql.global_priv where user = '';",
                "flush privileges;",
                "create database if not exists `" + databaseName
                        + "` character set utf8mb4 collate utf8mb4_unicode_ci;",
                "create user if not exists " + user + " identified by '" + password + "';",
                "alter user " + user + " identified by '" + password + "';",
                "grant all privileges on `" + databaseName + "`.* to " + user + ";");
    }

    /** The name goes into SQL as an identifier. */
    static String checkedDatabaseName(@Nullable String name) {
        if (name == null || !name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("chatshare.embedded-database.database-name must be letters, digits "
                    + "and underscores: " + name);
        }
        return name;
    }

    /** A new file only its owner can read, in the directory (or the system's temporary directory). */
    static Path ownerOnlyTempFile(@Nullable Path directory) throws IOException {
        Path file = directory == null
                ? Files.createTempFile("chatshare-mariadb-init-", ".sql")
                : Files.createTempFile(directory, "init-", ".sql");
        EmbeddedDatabasePassword.restrictToOwner(file);
        return file;
    }
}
