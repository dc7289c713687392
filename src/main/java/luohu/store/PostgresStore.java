package luohu.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import luohu.dialog.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sessions and claims in PostgreSQL, shared by every instance that names the same database
 * ({@code --store postgresql://user@host:5432/db}), through a HikariCP pool. The schema is created or migrated at
 * start, under an advisory lock so that instances starting together do not race, and carries its version in
 * {@code luohu_meta}.
 * <p>
 * A chat's turn runs in one transaction that first takes the chat's advisory lock ({@code pg_advisory_xact_lock}):
 * turns of one chat run one at a time across instances, and the lock goes with the transaction (a killed instance's
 * connection is dropped by the server, and its locks with it). Each instance also holds a session-level advisory
 * lock of its own for its lifetime; a claim whose owner no longer holds it belongs to a dead instance and can be
 * claimed again. Chats are keyed as in SQLite ({@link ChatKeys}); a digest of the key kept in the database makes an
 * instance with another key refuse to start instead of silently starting every conversation afresh.
 */
public final class PostgresStore implements SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
    /**
     * The driver logs through java.util.logging, beside SLF4J; held at warnings whatever the default level, since
     * at fine levels it logs statements with their parameters. Kept here so that the setting is not collected.
     */
    private static final java.util.logging.Logger DRIVER_LOG = java.util.logging.Logger.getLogger("org.postgresql");

    static {
        DRIVER_LOG.setLevel(java.util.logging.Level.WARNING);
    }
    /** The schema this release writes. */
    static final int SCHEMA = 1;
    /** First key of this program's advisory locks: chats, and instances alive. */
    private static final int CHAT_LOCKS = 0x6c756f01, INSTANCE_LOCKS = 0x6c756f02;
    private static final Duration CLAIMS_KEPT = Duration.ofDays(2);

    private final HikariDataSource pool;
    private final String name;
    private final ChatKeys keys;
    private final Duration ttl;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    /** Holds this instance's liveness lock for as long as the store is open. */
    private final Connection alive;
    /** The transaction of the chat whose lock this thread holds, if any. */
    private final ThreadLocal<Unit> unit = new ThreadLocal<>();
    private final HourlyPurge purges;

    /** A chat's transaction: its connection, and whether a statement in it failed (it is then rolled back). */
    private static final class Unit {
        final Connection c;
        boolean failed;

        Unit(Connection c) {
            this.c = c;
        }
    }

    private PostgresStore(HikariDataSource pool, String name, ChatKeys keys, Duration ttl, Clock clock) throws SQLException {
        this.pool = pool;
        this.name = name;
        this.keys = keys;
        this.ttl = ttl;
        this.clock = clock;
        this.purges = new HourlyPurge(clock);
        this.alive = pool.getConnection();
        try (PreparedStatement ps = alive.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            ps.setInt(1, INSTANCE_LOCKS);
            ps.setInt(2, instanceKey(instance));
            ps.execute();
        }
    }

    /**
     * Connects to the database of {@code url}, creating or migrating the schema.
     *
     * @throws StoreException in one line naming the database (never its password) when it cannot be used
     */
    public static PostgresStore open(StoreUrl url, Path dataDir, Duration ttl, Clock clock, String secret) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) config.setUsername(url.user());
        if (url.password() != null) config.setPassword(url.password());
        config.setPoolName("luohu-store");
        config.setMaximumPoolSize(16);
        // a turn waits this long for a connection before it is told the store failed: short, so that a database
        // that went away is said at once rather than holding every chat up
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(5_000);
        config.addDataSourceProperty("ApplicationName", "luohu");
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(url.display() + ": cannot connect to the database (" + rootMessage(e) + ")", e);
        }
        try {
            ChatKeys keys = ChatKeys.of(dataDir, secret);
            try (Connection c = pool.getConnection()) {
                migrate(c, url.display());
                checkKey(c, keys, url.display());
            }
            PostgresStore s = new PostgresStore(pool, url.display(), keys, ttl, clock);
            s.purgeIdle();
            return s;
        } catch (SQLException e) {
            pool.close();
            throw new StoreException(url.display() + ": cannot be used as the session database (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Creates the schema, or moves it to {@link #SCHEMA}, one instance at a time. */
    private static void migrate(Connection c, String name) throws SQLException {
        Transactions.inOne(c, () -> {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + INSTANCE_LOCKS + ", 0)");
                st.execute("CREATE TABLE IF NOT EXISTS luohu_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                int version = 0;
                try (ResultSet rs = st.executeQuery("SELECT value FROM luohu_meta WHERE key = 'schema_version'")) {
                    if (rs.next()) version = Integer.parseInt(rs.getString(1));
                }
                if (version > SCHEMA) {
                    throw new SQLException("it was written by a newer luohu (schema " + version + ", this release reads up to " + SCHEMA + ")");
                }
                if (version < 1) {
                    st.execute("CREATE TABLE IF NOT EXISTS luohu_sessions (chat TEXT PRIMARY KEY, data TEXT NOT NULL, "
                            + "updated BIGINT NOT NULL, expires BIGINT NOT NULL)");
                    st.execute("CREATE INDEX IF NOT EXISTS luohu_sessions_expires ON luohu_sessions(expires)");
                    st.execute("CREATE TABLE IF NOT EXISTS luohu_claims (scope TEXT NOT NULL, id BIGINT NOT NULL, "
                            + "owner TEXT NOT NULL, done BOOLEAN NOT NULL, at BIGINT NOT NULL, PRIMARY KEY(scope, id))");
                    st.execute("CREATE INDEX IF NOT EXISTS luohu_claims_at ON luohu_claims(at)");
                    st.execute("CREATE TABLE IF NOT EXISTS luohu_precheck_codes (code TEXT PRIMARY KEY, chat TEXT NOT NULL, "
                            + "data TEXT NOT NULL, issued BIGINT NOT NULL, expires BIGINT NOT NULL)");
                    st.execute("CREATE INDEX IF NOT EXISTS luohu_precheck_codes_chat ON luohu_precheck_codes(chat)");
                    st.execute("CREATE INDEX IF NOT EXISTS luohu_precheck_codes_expires ON luohu_precheck_codes(expires)");
                    st.execute("CREATE TABLE IF NOT EXISTS luohu_ask_counts (document TEXT NOT NULL, week TEXT NOT NULL, key TEXT NOT NULL, "
                            + "n BIGINT NOT NULL, PRIMARY KEY (document, week, key))");
                }
                // later versions: one step each, here, in this transaction
                if (version != SCHEMA) {
                    st.execute("INSERT INTO luohu_meta(key, value) VALUES('schema_version', '" + SCHEMA + "') "
                            + "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
                    LOG.info("{}: schema moved from version {} to {}", name, version, SCHEMA);
                }
            }
        });
    }

    /** The first instance records a digest of its key; every later one must have the same key. */
    private static void checkKey(Connection c, ChatKeys keys, String name) throws SQLException {
        String digest = keys.of("luohu key check");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO luohu_meta(key, value) VALUES('key_check', ?) ON CONFLICT(key) DO NOTHING")) {
            ps.setString(1, digest);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT value FROM luohu_meta WHERE key = 'key_check'")) {
            if (rs.next() && !rs.getString(1).equals(digest)) {
                throw new StoreException(name + ": this instance's key (LUOHU_SECRET, or luohu.key in the data folder) is not the one "
                        + "the database's conversations are keyed with; give every instance the same LUOHU_SECRET", null);
            }
        }
    }

    private static int instanceKey(String instance) {
        return instance.hashCode();
    }

    /** Runs one statement's work on the chat's transaction when this thread holds one, else on a pooled connection. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(String what, Work<T> work) {
        Unit u = unit.get();
        if (u != null) {
            try {
                return work.run(u.c);
            } catch (SQLException e) {
                u.failed = true;
                throw failed(what, e);
            }
        }
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private StoreException failed(String what, SQLException e) {
        return new StoreException(name + ": " + what + " failed (" + oneLine(e.getMessage()) + ")", e);
    }

    @Override
    public <T> T locked(String chatId, Supplier<T> work) {
        if (unit.get() != null) return work.get(); // already inside this chat's (or another's) transaction
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            throw failed("connecting", e);
        }
        Unit u = new Unit(c);
        try {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, CHAT_LOCKS);
                ps.setInt(2, chatKey(chatId).hashCode());
                ps.execute();
            }
        } catch (SQLException e) {
            close(c);
            throw failed("locking a chat", e);
        }
        unit.set(u);
        boolean ok = false;
        try {
            T result = work.get();
            ok = true;
            return result;
        } finally {
            unit.remove();
            try {
                if (ok && !u.failed) c.commit();
                else c.rollback();
            } catch (SQLException e) {
                if (ok) throw failed("committing a turn", e);
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // a broken connection: the pool drops it
                }
                close(c);
            }
        }
    }

    @Override
    public Optional<Session> load(String chatId) {
        purges.maybe(this::purgeIdle);
        String key = chatKey(chatId);
        Optional<String[]> row = run("reading a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT data, expires FROM luohu_sessions WHERE chat = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new String[]{rs.getString(1), Long.toString(rs.getLong(2))}) : Optional.empty();
                }
            }
        });
        if (row.isEmpty()) return Optional.empty();
        if (Long.parseLong(row.get()[1]) < clock.millis()) {
            delete(chatId);
            return Optional.empty();
        }
        try {
            return Optional.of(SessionCodec.decode(chatId, row.get()[0] == null ? "" : row.get()[0]));
        } catch (RuntimeException e) {
            throw new DamagedSessionException(name + ": a stored session cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public void save(Session session) {
        save(session, ttl);
    }

    @Override
    public void save(Session session, Duration ttl) {
        String key = chatKey(session.chatId());
        String data = SessionCodec.encode(session);
        run("saving a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO luohu_sessions(chat, data, updated, expires) VALUES(?, ?, ?, ?) "
                    + "ON CONFLICT(chat) DO UPDATE SET data = excluded.data, updated = excluded.updated, expires = excluded.expires")) {
                ps.setString(1, key);
                ps.setString(2, data);
                ps.setLong(3, session.updated());
                ps.setLong(4, session.updated() + ttl.toMillis());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void delete(String chatId) {
        String key = chatKey(chatId);
        run("deleting a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM luohu_sessions WHERE chat = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes every session past its expiry and claims older than two days; returns how many sessions. */
    public int purgeIdle() {
        long now = purges.starting();
        int n;
        // on a connection of its own, also when called inside a chat's transaction: expiry is no part of a turn
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM luohu_sessions WHERE expires < ?");
             PreparedStatement claims = c.prepareStatement("DELETE FROM luohu_claims WHERE at < ?")) {
            ps.setLong(1, now);
            claims.setLong(1, now - CLAIMS_KEPT.toMillis());
            claims.executeUpdate();
            n = ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("expiring idle sessions", e);
        }
        if (n > 0) LOG.info("expired {} idle sessions", n);
        return n;
    }

    @Override
    public String chatKey(String chatId) {
        return keys.of(chatId);
    }

    @Override
    public Claims claims() {
        return new Claims() {
            @Override
            public Outcome claim(String scope, long id) {
                return run("claiming an update", c -> {
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO luohu_claims(scope, id, owner, done, at) "
                            + "VALUES(?, ?, ?, false, ?) ON CONFLICT(scope, id) DO NOTHING")) {
                        ins.setString(1, scope);
                        ins.setLong(2, id);
                        ins.setString(3, instance);
                        ins.setLong(4, clock.millis());
                        if (ins.executeUpdate() == 1) return Outcome.TAKEN;
                    }
                    // claimed before: done, in hand by a live instance, or left by a dead one (taken over atomically,
                    // so that of two instances finding it so only one gets it)
                    try (PreparedStatement ps = c.prepareStatement("SELECT owner, done FROM luohu_claims WHERE scope = ? AND id = ?")) {
                        ps.setString(1, scope);
                        ps.setLong(2, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) return Outcome.BUSY; // purged in between: leave it to the next delivery
                            if (rs.getBoolean(2)) return Outcome.DONE;
                            String owner = rs.getString(1);
                            if (owner.equals(instance) || alive(c, owner)) return Outcome.BUSY;
                            try (PreparedStatement up = c.prepareStatement("UPDATE luohu_claims SET owner = ?, at = ? "
                                    + "WHERE scope = ? AND id = ? AND owner = ? AND NOT done")) {
                                up.setString(1, instance);
                                up.setLong(2, clock.millis());
                                up.setString(3, scope);
                                up.setLong(4, id);
                                up.setString(5, owner);
                                return up.executeUpdate() == 1 ? Outcome.TAKEN : Outcome.BUSY;
                            }
                        }
                    }
                });
            }

            @Override
            public void done(String scope, long id) {
                run("marking an update done", c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE luohu_claims SET done = true, at = ? WHERE scope = ? AND id = ?")) {
                        ps.setLong(1, clock.millis());
                        ps.setString(2, scope);
                        ps.setLong(3, id);
                        return ps.executeUpdate();
                    }
                });
            }
        };
    }

    @Override
    public PrecheckCodes sharedPrecheckCodes() {
        return new PrecheckCodes() {
            @Override
            public void put(String codeHash, String chatKey, Entry e) {
                Session snapshot = Session.start("").withPlace(e.place()).withFacts(e.facts())
                        .withFocus(e.pathway() == null ? java.util.List.of() : java.util.List.of(e.pathway()), null);
                String data = SessionCodec.encode(snapshot);
                run("saving a pre-check code", c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO luohu_precheck_codes(code, chat, data, issued, expires) "
                            + "VALUES(?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET chat = excluded.chat, data = excluded.data, "
                            + "issued = excluded.issued, expires = excluded.expires")) {
                        ps.setString(1, codeHash);
                        ps.setString(2, chatKey);
                        ps.setString(3, data);
                        ps.setLong(4, e.issued());
                        ps.setLong(5, e.expires());
                        return ps.executeUpdate();
                    }
                });
            }

            @Override
            public Optional<Entry> open(String codeHash, long now) {
                String[] row = run("reading a pre-check code", c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT data, issued, expires FROM luohu_precheck_codes WHERE code = ?")) {
                        ps.setString(1, codeHash);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? new String[]{rs.getString(1), Long.toString(rs.getLong(2)), Long.toString(rs.getLong(3))} : null;
                        }
                    }
                });
                if (row == null) return Optional.empty();
                long expires = Long.parseLong(row[2]);
                if (expires <= now) {
                    update("deleting a pre-check code", "DELETE FROM luohu_precheck_codes WHERE code = ?", codeHash);
                    return Optional.empty();
                }
                try {
                    Session snap = SessionCodec.decode("", row[0]);
                    return Optional.of(new Entry(snap.place(), snap.facts(), snap.focus().isEmpty() ? null : snap.focus().get(0),
                            Long.parseLong(row[1]), expires));
                } catch (RuntimeException damaged) {
                    LOG.warn("{}: a stored pre-check code cannot be read ({}); deleted", name, damaged.getClass().getSimpleName());
                    update("deleting a pre-check code", "DELETE FROM luohu_precheck_codes WHERE code = ?", codeHash);
                    return Optional.empty();
                }
            }

            @Override
            public int deleteChat(String chatKey) {
                return update("deleting pre-check codes", "DELETE FROM luohu_precheck_codes WHERE chat = ?", chatKey);
            }

            @Override
            public int purgeExpired(long now) {
                return run("expiring pre-check codes", c -> {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM luohu_precheck_codes WHERE expires <= ?")) {
                        ps.setLong(1, now);
                        return ps.executeUpdate();
                    }
                });
            }

            private int update(String what, String sql, String key) {
                return run(what, c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, key);
                        return ps.executeUpdate();
                    }
                });
            }
        };
    }

    @Override
    public AskCounters sharedAskCounters() {
        return new AskCounters() {
            @Override
            public void add(String document, String week, String key, long n) {
                run("counting", c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO luohu_ask_counts(document, week, key, n) VALUES(?, ?, ?, ?) "
                            + "ON CONFLICT(document, week, key) DO UPDATE SET n = luohu_ask_counts.n + excluded.n")) {
                        ps.setString(1, document);
                        ps.setString(2, week);
                        ps.setString(3, key);
                        ps.setLong(4, n);
                        return ps.executeUpdate();
                    }
                });
            }

            @Override
            public java.util.List<Count> all() {
                return run("reading the counters", c -> {
                    java.util.List<Count> out = new java.util.ArrayList<>();
                    try (Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT document, week, key, n FROM luohu_ask_counts ORDER BY document, week, key")) {
                        while (rs.next()) out.add(new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                    }
                    return out;
                });
            }
        };
    }

    /**
     * The report's counters of the database {@code url}, read on a connection of their own: the report needs neither
     * the chats' key nor a pool.
     */
    public static java.util.List<AskCounters.Count> counters(StoreUrl url) {
        java.util.Properties props = new java.util.Properties();
        if (url.user() != null) props.setProperty("user", url.user());
        if (url.password() != null) props.setProperty("password", url.password());
        props.setProperty("ApplicationName", "luohu report");
        java.util.List<AskCounters.Count> out = new java.util.ArrayList<>();
        try (Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl(), props); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT document, week, key, n FROM luohu_ask_counts ORDER BY document, week, key")) {
            while (rs.next()) out.add(new AskCounters.Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        } catch (SQLException e) {
            throw new StoreException(url.display() + ": reading the counters failed (" + oneLine(e.getMessage()) + ")", e);
        }
        return out;
    }

    /** Whether the instance still holds its liveness lock (its connection, and so its process, is alive). */
    private static boolean alive(Connection c, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS(SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
                + "AND classid = ? AND objid = ? AND objsubid = 2 AND granted)")) {
            ps.setLong(1, Integer.toUnsignedLong(INSTANCE_LOCKS));
            ps.setLong(2, Integer.toUnsignedLong(instanceKey(owner)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public boolean reachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return name;
    }

    /** For tests: runs a statement on a pooled connection and returns its first value or update count. */
    long execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    return rs.next() ? rs.getLong(1) : -1;
                }
            }
            return st.getUpdateCount();
        }
    }

    @Override
    public void close() {
        close(alive);
        pool.close();
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the pool replaces it
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return oneLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
