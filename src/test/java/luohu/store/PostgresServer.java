package luohu.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: Debian's server binaries ({@code apt-get install postgresql}), a cluster
 * made with initdb under a temporary folder, listening on loopback only, on a free port, with no Unix socket. The
 * server refuses to run as root, so when the tests run as root it runs as the unprivileged {@code postgres} user
 * the package creates (or {@code nobody}) through runuser. One server serves a test JVM; each test gets a database
 * of its own. Where it cannot start, {@link #shared()} says why, and the tests that need it are skipped.
 */
public final class PostgresServer {
    private static PostgresServer shared;
    private static String unavailable;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin, dir, data, log;
    private final String runAs;
    private final int port;

    private PostgresServer(Path bin, Path dir, String runAs, int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.log = dir.resolve("server.log");
        this.runAs = runAs;
        this.port = port;
    }

    /** The JVM's server, started on first use; null when PostgreSQL cannot run here (see {@link #whyNot()}). */
    public static synchronized PostgresServer shared() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
                PostgresServer s = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(s::destroy, "postgres-test-stop"));
            } catch (Exception e) {
                unavailable = e.getMessage();
            }
        }
        return shared;
    }

    /** Why the server could not start, or null. */
    public static synchronized String whyNot() {
        shared();
        return unavailable == null ? null : "PostgreSQL is not available for the tests: " + unavailable;
    }

    /** A new cluster of its own (the caller stops it), for tests that start and stop it. */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        String runAs = isRoot() ? unprivilegedUser() : null;
        Path dir = Files.createTempDirectory("luohu-pg");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (runAs != null) chown(dir, runAs);
        PostgresServer s = null;
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            s = new PostgresServer(bin, dir, runAs, freePort());
            if (attempt == 0) s.initdb();
            try {
                s.startServer();
                s.createDatabaseTemplate();
                return s;
            } catch (IOException e) {
                last = e; // the port was taken in between: try another
            }
        }
        if (s != null) s.destroy();
        throw last;
    }

    private static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            p.waitFor();
            return out.equals("0");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The newest Debian server binaries, or initdb on the PATH. */
    private static Path binaries() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                List<Path> found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .sorted(Comparator.comparing((Path b) -> version(b.getParent().getFileName().toString())).reversed()).toList();
                if (!found.isEmpty()) return found.get(0);
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "initdb")) && Files.isExecutable(Path.of(p, "pg_ctl"))) {
                return Path.of(p).toRealPath().resolve("initdb").toRealPath().getParent();
            }
        }
        throw new IOException("no initdb found in /usr/lib/postgresql/*/bin or on the PATH (install Debian's postgresql package)");
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String unprivilegedUser() throws IOException {
        for (String user : List.of("postgres", "nobody")) {
            try {
                Process p = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
                if (p.waitFor() == 0) return user;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IOException("running as root and no unprivileged user (postgres, nobody) to run the server as");
    }

    private static void chown(Path p, String user) throws IOException {
        UserPrincipal owner = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.setOwner(p, owner);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (runAs != null) cmd.addAll(List.of("runuser", "-u", runAs, "--"));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command[0] + " did not finish");
        }
        if (p.exitValue() != 0) {
            String logged = Files.exists(log) ? Files.readString(log) : "";
            throw new IOException(Path.of(command[0]).getFileName() + " failed (" + p.exitValue() + "): "
                    + (out + logged).strip().replaceAll("\\s+", " "));
        }
    }

    private void initdb() throws IOException, InterruptedException {
        run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "luohu", "--auth=trust", "-E", "UTF8",
                "--locale=C", "--no-sync");
    }

    private void startServer() throws IOException, InterruptedException {
        // loopback only, no Unix socket; no fsync (a test cluster need not survive a power cut), but every commit is
        // written before it returns, so that a server stopped at once keeps it
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -h 127.0.0.1 -k '' -c fsync=off -c full_page_writes=off "
                        + "-c max_connections=200", "start");
    }

    private void createDatabaseTemplate() throws IOException {
        try (Connection c = admin()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IOException("cannot connect: " + e.getMessage(), e);
        }
    }

    /** Stops the server at once (as a crash would); {@link #restart()} brings it back on the same port. */
    public void stop() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    public void restart() throws IOException, InterruptedException {
        startServer();
    }

    /** A new, empty database; its URL for --store. */
    public String newDatabase() throws SQLException {
        String name = "luohu_test_" + DATABASES.incrementAndGet();
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "postgresql://luohu@127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "luohu", "");
    }

    private Connection admin() throws SQLException {
        return connect("postgres");
    }

    public int port() {
        return port;
    }

    /** Stops the server and deletes its folder. */
    public void destroy() {
        try {
            stop();
        } catch (IOException | InterruptedException ignored) {
            // not running
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
