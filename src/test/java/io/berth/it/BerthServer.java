package io.berth.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Berth server for the integration tests: the built WAR on Payara Micro, in its own JVM, on a free
 * port, with a fresh data directory and a clean database (embedded H2, or MariaDB when the build passes
 * {@code it.db.url}). Starting Payara costs tens of seconds on two cores, so one server serves the whole run
 * ({@link #shared()}); a test that needs a restart calls {@link #restart()}, which keeps port, data and database.
 */
public final class BerthServer {

    /** The built-in system administrator, created on the first start with {@link #ADMIN_PASSWORD}. */
    public static final String ADMIN = "admin";
    /** {@code BERTH_ADMIN_PASSWORD} of every server the tests start. */
    public static final String ADMIN_PASSWORD = "Berth-IT-admin-1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    /** What Payara Micro logs once every application is deployed and started. */
    private static final String READY_LINE = ") ready in ";
    private static final String DEPLOY_FAILED = "Exception while loading the app";
    private static BerthServer shared;

    private final int port;
    private final Path workDirectory;
    private final Path dataDirectory;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;

    private BerthServer(Map<String, String> extraEnvironment) throws IOException {
        this.port = freePort();
        this.workDirectory = Path.of(System.getProperty("it.work.dir", "target/it-server"), "berth-" + port).toAbsolutePath();
        this.dataDirectory = workDirectory.resolve("data");
        this.log = workDirectory.resolve("server.log");
        Files.createDirectories(workDirectory);
        this.environment = new java.util.HashMap<>(extraEnvironment);
        environment.put("BERTH_DATA_DIR", dataDirectory.toString());
        environment.put("BERTH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        String dbUrl = System.getProperty("it.db.url", "");
        if (!dbUrl.isBlank()) {
            environment.put("BERTH_DB_URL", dbUrl);
            environment.put("BERTH_DB_USER", System.getProperty("it.db.user", "berth"));
            environment.put("BERTH_DB_PASSWORD", System.getProperty("it.db.password", "berth"));
        }
    }

    /** The server shared by all integration tests of this JVM, started on first use, stopped at JVM exit. */
    public static synchronized BerthServer shared() {
        if (shared == null) {
            try {
                // GC runs only when a test asks for one; with no grace window and one blob per sweep batch, a test
                // can collect what it just deleted, and a run lasts long enough to be stopped (GcIT).
                BerthServer server = new BerthServer(Map.of(
                        "BERTH_GC_TIME_WINDOW_MINUTES", "0",
                        "BERTH_GC_UPLOAD_MAX_AGE_MINUTES", "0",
                        "BERTH_GC_SWEEP_BATCH", "1"));
                server.cleanDatabase();
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
                shared = server;
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Cannot start Berth for the integration tests", e);
            }
        }
        return shared;
    }

    /**
     * A server of its own, for tests that change what is global to a server and must not disturb the shared one
     * (the authentication mode, which also cannot change back once users exist). It always keeps its data in an
     * embedded H2 database: the build's MariaDB database belongs to the shared server. Stopped at JVM exit.
     */
    public static BerthServer dedicated() {
        try {
            BerthServer server = new BerthServer(Map.of());
            server.environment.keySet().removeIf(key -> key.startsWith("BERTH_DB_"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start a dedicated Berth for the integration tests", e);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** {@code host:port}, as image references spell the registry. */
    public String authority() {
        return "127.0.0.1:" + port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Where the filesystem store keeps the bytes of blob {@code digest} (sha256:...) of this server. */
    public Path blobFile(String digest) {
        String hex = digest.substring("sha256:".length());
        return dataDirectory.resolve("registry/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex).resolve("data");
    }

    public boolean usesMariaDb() {
        return environment.containsKey("BERTH_DB_URL");
    }

    /** The server's log (stdout and stderr of its JVM), for tests that check what it does or does not write. */
    public Path log() {
        return log;
    }

    /**
     * Runs SQL statements against the server's database, for states no API can produce (an expired robot account).
     * MariaDB is reached directly; the embedded H2 database belongs to the running server's JVM, so the server is
     * stopped for the change and started again (same port and data), which also empties its in-memory caches.
     */
    public synchronized void updateDatabase(String... statements) throws IOException, SQLException {
        if (usesMariaDb()) {
            execute(environment.get("BERTH_DB_URL"), environment.get("BERTH_DB_USER"), environment.get("BERTH_DB_PASSWORD"), statements);
            return;
        }
        stop();
        // The URL, user and password with which Berth creates its embedded database (ConfiguredDataSource).
        execute("jdbc:h2:file:" + dataDirectory.resolve("db").resolve("berth"), "berth", "", statements);
        start();
    }

    private static void execute(String url, String user, String password, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.executeUpdate(statement);
            }
        }
    }

    /** Stops the JVM and starts it again on the same port, data directory and database. */
    public synchronized void restart() throws IOException {
        stop();
        start();
    }

    private void start() throws IOException {
        String java = Path.of(System.getProperty("java.home.for.server", System.getProperty("java.home")), "bin", "java").toString();
        // Grizzly's sendfile on, as server-config/system.properties turns it on in production, so that
        // every blob pull of the tests goes through the zero-copy path.
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dorg.glassfish.grizzly.http.USE_SEND_FILE=true",
                "-jar", requiredPath("payara.micro.jar"),
                "--deploy", requiredPath("berth.war"),
                "--contextroot", "/",
                "--nocluster",
                "--port", Integer.toString(port),
                "--rootdir", workDirectory.resolve("payara").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long logOffset = Files.exists(log) ? Files.size(log) : 0;
        process = builder.start();
        awaitReady(logOffset);
    }

    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits until Payara has logged that it is ready (after {@code logOffset}, since a restart appends to the
     * same log) and {@code /v2/} answers. The HTTP check alone is not enough: while the WAR is still being
     * started, the listener already answers, and requests fail with 500s from the web container.
     */
    private void awaitReady(long logOffset) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Berth exited with " + process.exitValue() + " during start-up; see " + log + "\n" + tail());
            }
            if (!logShowsReady(logOffset)) {
                pause();
                continue;
            }
            if (logShows(logOffset, DEPLOY_FAILED)) {
                // Payara stays up without the application: waiting for /v2/ would only burn the start timeout.
                stop();
                throw new IllegalStateException("Berth did not deploy; see " + log + "\n" + tail());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(base().resolve("/v2/"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 || response.statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            pause();
        }
        stop();
        throw new IllegalStateException("Berth was not ready within " + START_TIMEOUT + "; see " + log + "\n" + tail());
    }

    /** Whether Payara Micro's "... ready in N (ms)" line appears in the log after {@code offset}. */
    private boolean logShowsReady(long offset) throws IOException {
        return logShows(offset, READY_LINE);
    }

    /** Whether {@code text} appears in the log after {@code offset}. */
    private boolean logShows(long offset, String text) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(offset, Files.size(log)));
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains(text);
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** MariaDB keeps state between runs: drop every table so each run starts from the first migration. */
    private void cleanDatabase() throws SQLException {
        if (!usesMariaDb()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(environment.get("BERTH_DB_URL"),
                environment.get("BERTH_DB_USER"), environment.get("BERTH_DB_PASSWORD"));
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String table : tables) {
                s.execute("DROP TABLE `" + table.replace("`", "``") + "`");
            }
            s.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }

    private static String requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException("System property " + property + " must name an existing file (set by the failsafe plugin), got " + value);
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
