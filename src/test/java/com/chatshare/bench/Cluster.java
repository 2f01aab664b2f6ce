package com.chatshare.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Chatshare as it runs in production, started as real processes on this machine: one MariaDB
 * server (its own data directory, a free port on 127.0.0.1), application nodes running the built
 * jar ({@code java -jar}, profile {@code mariadb}, demo accounts), and nginx in front of them.
 * Everything it starts is stopped by {@link #close()}, and by a shutdown hook if the JVM ends
 * first. Used by the benchmarks in bench/two-nodes.sh and bench/db-faults.sh.
 *
 * <p>nginx sends the Vaadin UI to the node that holds the session: each node's Jetty ends its
 * session ids with {@code .node<name>} ({@code JETTY_WORKER_INSTANCE}), and nginx routes on that
 * suffix of {@code JSESSIONID}, with the other node as backup. Hashing the whole cookie would not
 * do: the first request has no cookie, and Spring Security changes the session id at sign-in, so
 * a hash could send the signed-in session to the node that does not have it. The public page
 * {@code /share/TOKEN} goes round robin.
 */
final class Cluster implements AutoCloseable {

    static final String DB_NAME = "chatshare";
    static final String DB_USER = "chatshare";
    static final String DB_PASSWORD = "bench-only-password";

    final Path dir;
    final MariaDb db;
    final List<Node> nodes = new ArrayList<>();
    Nginx nginx;

    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::killAll, "cluster-shutdown");

    Cluster(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath();
        Files.createDirectories(this.dir);
        this.db = new MariaDb(this.dir, freePort());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A node of this cluster, not started yet. */
    Node node(String name, Path jar, Map<String, String> environment) throws IOException {
        Files.deleteIfExists(dir.resolve("node-" + name + ".log"));
        Node node = new Node(name, freePort(), jar.toAbsolutePath(), dir.resolve("node-" + name + ".log"), environment);
        nodes.add(node);
        return node;
    }

    Nginx nginx() throws IOException {
        nginx = new Nginx(dir.resolve("nginx"), freePort(), nodes);
        return nginx;
    }

    /** A new JDBC connection to the application's database, as the application's user. */
    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), DB_USER, DB_PASSWORD);
    }

    /** Stops nginx, then the nodes (they write their last view counts), then the database. */
    @Override
    public void close() {
        try {
            if (nginx != null && nginx.process != null) {
                stop(nginx.process);
            }
            for (Node node : nodes.reversed()) {
                if (node.process != null) {
                    stop(node.process);
                }
            }
            for (Process process : processes) {
                stop(process);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook runs anyway.
            }
        }
    }

    private void killAll() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** SIGTERM, then SIGKILL for whatever did not end within 15 s; children (nginx workers) too. */
    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private Process start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Runs a command to its end within a time limit; its output goes to the log; fails on a non-zero exit. */
    static void run(List<String> command, Path log, Duration limit) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + limit + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                    + "; see " + log);
        }
    }

    /** One MariaDB server: Debian's mariadbd, its own data directory, started and killed at will. */
    final class MariaDb {

        final Path data;
        final Path socket;
        final Path log;
        final int port;
        private Process process;

        private MariaDb(Path dir, int port) throws IOException {
            this.data = dir.resolve("db");
            // A Unix socket path has at most 107 bytes: a short one of its own, whatever the checkout's path.
            this.socket = Files.createTempDirectory("chatshare-db").resolve("mariadb.sock");
            this.log = dir.resolve("mariadb.log");
            this.port = port;
            Files.deleteIfExists(log);
        }

        /** A fresh data directory, the database and the application's user; the server runs afterwards. */
        void install() throws IOException, InterruptedException {
            deleteRecursively(data);
            run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=root",
                    "--auth-root-authentication-method=normal", "--skip-test-db"), log, Duration.ofSeconds(120));
            start();
            sql("create database " + DB_NAME + " character set utf8mb4 collate utf8mb4_unicode_ci; "
                    + "create user '" + DB_USER + "'@'127.0.0.1' identified by '" + DB_PASSWORD + "'; "
                    + "grant all privileges on " + DB_NAME + ".* to '" + DB_USER + "'@'127.0.0.1';");
        }

        /** Starts the server (again) on the same port and data directory and returns when it answers. */
        Instant start() throws IOException, InterruptedException {
            // The character set settings of docker-compose.yml.
            process = Cluster.this.start(List.of("mariadbd", "--no-defaults", "--datadir=" + data, "--user=root",
                    "--bind-address=127.0.0.1", "--port=" + port, "--socket=" + socket,
                    "--pid-file=" + data.resolve("mariadbd.pid"), "--skip-name-resolve",
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"), Map.of(), log);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mariadbd exited with " + process.exitValue() + "; see " + log);
                }
                Process ping = new ProcessBuilder("mariadb", "--no-defaults", "--socket=" + socket, "-uroot",
                        "--connect-timeout=1", "-e", "select 1").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (ping.waitFor(5, TimeUnit.SECONDS) && ping.exitValue() == 0) {
                    return Instant.now();
                }
                ping.destroyForcibly();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("mariadbd did not answer within 60 s; see " + log);
                }
                Thread.sleep(50);
            }
        }

        /**
         * SIGKILL: the server dies as in a crash, without closing a connection or flushing anything.
         * Returns when the signal was sent; returns itself once the process is gone.
         */
        Instant kill() throws InterruptedException {
            Instant signalled = Instant.now();
            process.destroyForcibly();
            process.waitFor();
            return signalled;
        }

        void sql(String statements) throws IOException, InterruptedException {
            run(List.of("mariadb", "--no-defaults", "--socket=" + socket, "-uroot", "-e", statements), log,
                    Duration.ofSeconds(30));
        }

        String jdbcUrl() {
            return "jdbc:mariadb://127.0.0.1:" + port + "/" + DB_NAME;
        }
    }

    /** One application node: {@code java -jar} the built jar with the environment a deployment gives it. */
    final class Node {

        final String name;
        final int port;
        final Path jar;
        final Path log;
        private final Map<String, String> environment;
        private Process process;

        private Node(String name, int port, Path jar, Path log, Map<String, String> environment) {
            this.name = name;
            this.port = port;
            this.jar = jar;
            this.log = log;
            this.environment = environment;
        }

        /** Starts the node and returns how long it took until its health endpoint said UP. */
        Duration startAndAwaitUp(Duration limit) throws IOException, InterruptedException {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SPRING_PROFILES_ACTIVE", "mariadb");
            env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
            env.put("SPRING_DATASOURCE_USERNAME", DB_USER);
            env.put("SPRING_DATASOURCE_PASSWORD", DB_PASSWORD);
            env.put("PORT", Integer.toString(port));
            env.put("CHATSHARE_DEMO", "true");
            // nginx on this machine is the only proxy: the forwarded client address is believed from it.
            env.put("CHATSHARE_TRUSTEDPROXIES", "127.0.0.1");
            // Jetty ends this node's session ids with ".node<name>": what nginx keeps sessions sticky by.
            env.put("JETTY_WORKER_INSTANCE", name);
            if (nginx != null) {
                env.put("CHATSHARE_PUBLICURL", nginx.url(""));
            }
            env.putAll(environment);
            Files.writeString(log, "=== " + Instant.now() + " starting node " + name + " on port " + port + " with "
                    + env.keySet() + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long start = System.nanoTime();
            process = Cluster.this.start(List.of(java, "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()), env, log);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            long deadline = start + limit.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + "; see "
                            + log);
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        return Duration.ofNanos(System.nanoTime() - start);
                    }
                } catch (IOException e) {
                    // Not listening yet.
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("node " + name + " not UP within " + limit + "; see " + log);
        }

        /**
         * SIGKILL ({@link Process#destroyForcibly()}): the node dies as in a crash. Returns when the
         * signal was sent; returns itself once the process is gone.
         */
        Instant kill() throws InterruptedException {
            Instant signalled = Instant.now();
            process.destroyForcibly();
            process.waitFor();
            return signalled;
        }

        boolean isAlive() {
            return process != null && process.isAlive();
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    /**
     * nginx in front of the nodes: the UI sticky by the session id's node suffix (the other node as
     * backup, so a dead node's users land on a live one and sign in again), WebSocket upgrades for
     * Vaadin's push, round robin for the public page, and the client's address in
     * {@code X-Forwarded-For}. The access log names the node that answered each request.
     */
    final class Nginx {

        final Path dir;
        final int port;
        private Process process;

        private Nginx(Path dir, int port, List<Node> nodes) throws IOException {
            this.dir = dir;
            this.port = port;
            deleteRecursively(dir);
            Files.createDirectories(dir.resolve("tmp"));
            StringBuilder upstreams = new StringBuilder();
            StringBuilder routes = new StringBuilder();
            upstreams.append("  upstream all_nodes {\n");
            for (Node node : nodes) {
                upstreams.append("    server 127.0.0.1:").append(node.port).append(" max_fails=1 fail_timeout=5s;\n");
            }
            upstreams.append("    keepalive 32;\n  }\n");
            for (Node node : nodes) {
                upstreams.append("  upstream node_").append(node.name).append(" {\n    server 127.0.0.1:")
                        .append(node.port).append(" max_fails=1 fail_timeout=5s;\n");
                for (Node other : nodes) {
                    if (other != node) {
                        upstreams.append("    server 127.0.0.1:").append(other.port).append(" backup;\n");
                    }
                }
                upstreams.append("    keepalive 16;\n  }\n");
                routes.append("    ~\\.node").append(node.name).append("$ node_").append(node.name).append(";\n");
            }
            // proxy_set_header in a location replaces every inherited one: each location lists all of its own.
            String forwarded = """
                          proxy_set_header Host $http_host;
                          proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                          proxy_set_header X-Forwarded-Proto $scheme;
                    """;
            Files.writeString(dir.resolve("nginx.conf"), """
                    worker_processes 1;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 4096; }
                    http {
                      log_format nodes '$msec $remote_addr "$request" $status $request_time upstream="$upstream_addr" $upstream_status cookie=$cookie_JSESSIONID';
                      access_log %1$s/access.log nodes;
                      client_body_temp_path %1$s/tmp;
                      proxy_temp_path %1$s/tmp;
                      fastcgi_temp_path %1$s/tmp;
                      uwsgi_temp_path %1$s/tmp;
                      scgi_temp_path %1$s/tmp;
                    %2$s
                      map $cookie_JSESSIONID $ui_nodes {
                    %3$s    default all_nodes;
                      }
                      map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
                      server {
                        listen 127.0.0.1:%4$d;
                        proxy_http_version 1.1;
                        proxy_connect_timeout 2s;
                        # The public page: stateless, any node.
                        location ~ ^/share/[^/]+$ {
                    %5$s      proxy_set_header Connection "";
                          proxy_pass http://all_nodes;
                        }
                        # Vaadin's push: a WebSocket to the session's node.
                        location /VAADIN/push {
                    %5$s      proxy_set_header Upgrade $http_upgrade;
                          proxy_set_header Connection $connection_upgrade;
                          proxy_read_timeout 1h;
                          proxy_pass http://$ui_nodes;
                        }
                        # Everything else (the Vaadin UI, sign-in, continue, report form): the session's node.
                        location / {
                    %5$s      proxy_set_header Connection "";
                          proxy_pass http://$ui_nodes;
                        }
                      }
                    }
                    """.formatted(dir, upstreams, routes, port, forwarded));
        }

        void start() throws IOException, InterruptedException {
            process = Cluster.this.start(List.of("nginx", "-c", dir.resolve("nginx.conf").toString(),
                    "-p", dir.toString()), Map.of(), dir.resolve("nginx.out"));
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 100; i++) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited; see " + dir.resolve("error.log"));
                }
                try {
                    http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                            HttpResponse.BodyHandlers.discarding());
                    return;
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException("nginx did not listen; see " + dir.resolve("error.log"));
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        Path accessLog() {
            return dir.resolve("access.log");
        }
    }

    static void writeUnchecked(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
