package luohu.store;

import luohu.dialog.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sessions in an embedded SQLite database ({@code <data>/luohu.db}). Every save is its own committed transaction
 * before it returns, in WAL mode, so a process killed at any moment loses no acknowledged turn. Chats are keyed by
 * a keyed hash of their id (see {@link ChatKeys}), never the id itself. Idle sessions expire after {@code ttl} and are deleted.
 */
public final class SqliteStore implements SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    public static final String FILE = "luohu.db";
    /** Held while a process uses the data folder: a second process on the same folder is refused. */
    public static final String LOCK_FILE = "luohu.lock";
    private final Connection db;
    private FolderLock lock;
    private final Path file;
    private final ChatKeys keys;
    /** The salt of the former scheme (SHA-256 of salt and id, the salt in the database), while rows keyed so may remain. */
    private byte[] legacySalt;
    private final long migratedAt;
    private final Duration ttl;
    private final Clock clock;
    // re-prepared after a failure: the driver leaves a statement unusable after e.g. SQLITE_FULL ("statement is not
    // executing"), which would fail every later call until a restart
    private PreparedStatement select, upsert, delete, purge, rekey, claimRead, claimTake, claimDone, purgeClaims;
    /** Checkpoints of the log, off the turns' path; null until the store is open. */
    private WalCheckpoints checkpoints;
    private final HourlyPurge purges;
    private final LocalChatLocks locks = new LocalChatLocks();
    /** This process's name in the claims table: a claim of any other is a former process's, which has ended. */
    private final String instance = java.util.UUID.randomUUID().toString();
    /** The schema this release writes: 1 had no expiry per row and no claims table. */
    static final int SCHEMA = 2;

    private SqliteStore(Connection db, Path file, ChatKeys keys, byte[] legacySalt, long migratedAt, Duration ttl, Clock clock) throws SQLException {
        this.db = db;
        this.file = file;
        this.keys = keys;
        this.legacySalt = legacySalt;
        this.migratedAt = migratedAt;
        this.ttl = ttl;
        this.clock = clock;
        this.purges = new HourlyPurge(clock);
        prepare();
    }

    private void prepare() throws SQLException {
        this.select = db.prepareStatement("SELECT data, expires FROM sessions WHERE chat = ?");
        this.upsert = db.prepareStatement("INSERT INTO sessions(chat, data, updated, expires) VALUES(?, ?, ?, ?) "
                + "ON CONFLICT(chat) DO UPDATE SET data = excluded.data, updated = excluded.updated, expires = excluded.expires");
        this.delete = db.prepareStatement("DELETE FROM sessions WHERE chat = ?");
        this.purge = db.prepareStatement("DELETE FROM sessions WHERE expires < ?");
        this.rekey = db.prepareStatement("UPDATE OR IGNORE sessions SET chat = ? WHERE chat = ?");
        this.claimRead = db.prepareStatement("SELECT owner, done FROM claims WHERE scope = ? AND id = ?");
        this.claimTake = db.prepareStatement("INSERT OR REPLACE INTO claims(scope, id, owner, done, at) VALUES(?, ?, ?, 0, ?)");
        this.claimDone = db.prepareStatement("UPDATE claims SET done = 1, owner = ?, at = ? WHERE scope = ? AND id = ?");
        this.purgeClaims = db.prepareStatement("DELETE FROM claims WHERE at < ?");
    }

    private PreparedStatement[] statements() {
        return new PreparedStatement[]{select, upsert, delete, purge, rekey, claimRead, claimTake, claimDone, purgeClaims};
    }

    /** After each write's commit: the checkpointer counts it, and the writer does not wait for a checkpoint. */
    private void committed() {
        if (checkpoints != null) checkpoints.committed();
    }

    /**
     * After a failed statement: any transaction left open is rolled back and the statements are prepared afresh, so
     * the next call works as soon as the cause is gone (space freed on a full disk).
     */
    private void recover() {
        for (PreparedStatement ps : statements()) {
            try {
                if (ps != null) ps.close();
            } catch (SQLException ignored) {
                // replaced below
            }
        }
        select = upsert = delete = purge = rekey = claimRead = claimTake = claimDone = purgeClaims = null;
        try {
            if (!db.getAutoCommit()) db.rollback();
        } catch (SQLException ignored) {
            // nothing to roll back
        }
        try (Statement st = db.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open: the usual case
        }
        try {
            prepare();
        } catch (SQLException e) {
            select = upsert = delete = purge = rekey = claimRead = claimTake = claimDone = purgeClaims = null; // tried again on the next call
        }
    }

    private void ready() throws SQLException {
        for (PreparedStatement ps : statements()) {
            if (ps == null) {
                prepare();
                return;
            }
        }
    }

    /** A failure of the database, after which the store has recovered what it can. */
    private StoreException failed(String what, SQLException e) {
        recover();
        return new StoreException(file + ": " + what + " failed (" + e.getMessage() + ")", e);
    }

    /**
     * Opens (or creates) the database in {@code dataDir}, which is created if missing.
     *
     * @throws StoreException naming the file when it cannot be opened or is not a sound luohu database; the file
     *                        is then left exactly as it was
     */
    public static SqliteStore open(Path dataDir, Duration ttl, Clock clock) {
        return open(dataDir, ttl, clock, null);
    }

    /**
     * As {@link #open(Path, Duration, Clock)}, keying chats with {@code secret} (LUOHU_SECRET, at least 16
     * characters) instead of the data folder's key file when it is given.
     */
    public static SqliteStore open(Path dataDir, Duration ttl, Clock clock, String secret) {
        return openFile(dataDir.resolve(FILE), ttl, clock, secret);
    }

    /**
     * The database {@code file} ({@code --store sqlite:<file>}); its folder, created if missing, holds the key file
     * and the lock beside it.
     */
    public static SqliteStore openFile(Path file, Duration ttl, Clock clock, String secret) {
        Path dataDir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException(dataDir + ": cannot create the data directory (" + e.getMessage() + ")", e);
        }
        FolderLock lock = FolderLock.take(dataDir);
        try {
            SqliteStore s = openLocked(file, ChatKeys.of(dataDir, secret), ttl, clock);
            s.lock = lock;
            return s;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static SqliteStore openLocked(Path file, ChatKeys keys, Duration ttl, Clock clock) {
        boolean existed = Files.exists(file);
        if (existed) checkHeader(file);
        Connection c = null;
        try {
            c = SqliteFiles.connect(file);
            try (Statement st = c.createStatement()) {
                if (existed) {
                    try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                        String r = rs.next() ? rs.getString(1) : "no answer";
                        if (!"ok".equals(r)) throw new SQLException("integrity check failed: " + r);
                    }
                }
                st.execute("PRAGMA journal_mode=WAL");
                // NORMAL in WAL mode: a commit survives the process being killed; only power loss can drop the last
                // commits, which the issue does not ask to survive and which would cost an fsync per turn
                st.execute("PRAGMA synchronous=NORMAL");
                // the log is copied into the database by WalCheckpoints, not by whichever turn's commit fills it
                st.execute("PRAGMA wal_autocheckpoint=0");
                // the log's file shrinks back to this when it starts again after a long burst of writes
                st.execute("PRAGMA journal_size_limit=" + (64 << 20));
                st.execute("PRAGMA busy_timeout=5000");
                // a deleted conversation is overwritten with zeros, not left readable in free pages
                st.execute("PRAGMA secure_delete=ON");
                st.execute("CREATE TABLE IF NOT EXISTS sessions (chat TEXT PRIMARY KEY, data TEXT NOT NULL, updated INTEGER NOT NULL)");
                st.execute("CREATE INDEX IF NOT EXISTS sessions_updated ON sessions(updated)");
                st.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            }
            migrate(c, file, ttl);
            byte[] legacy = legacySalt(c);
            long migratedAt = legacy == null ? 0 : migratedAt(c, clock);
            SqliteStore s = new SqliteStore(c, file, keys, legacy, migratedAt, ttl, clock);
            s.purgeIdle();
            try {
                s.checkpoints = new WalCheckpoints(file, s);
            } catch (RuntimeException e) {
                closeQuietly(c);
                throw e;
            }
            return s;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException(file + ": cannot be used as the session database (" + e.getMessage()
                    + "); it was left untouched — move it away or set LUOHU_DATA to another directory", e);
        }
    }

    /**
     * Brings the schema to {@link #SCHEMA}, each step in one transaction with its version: 2 gives every session
     * its own expiry (from its last turn and the time to live) and adds the claims of the Telegram updates.
     */
    private static void migrate(Connection c, Path file, Duration ttl) throws SQLException {
        int version = 1;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            if (rs.next()) version = Integer.parseInt(rs.getString(1));
        }
        if (version > SCHEMA) {
            throw new SQLException("it was written by a newer luohu (schema " + version + ", this release reads up to " + SCHEMA + ")");
        }
        if (version == SCHEMA) return;
        Transactions.inOne(c, () -> {
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE sessions ADD COLUMN expires INTEGER");
                st.execute("UPDATE sessions SET expires = updated + " + ttl.toMillis());
                st.execute("CREATE INDEX IF NOT EXISTS sessions_expires ON sessions(expires)");
                st.execute("CREATE TABLE IF NOT EXISTS claims (scope TEXT NOT NULL, id INTEGER NOT NULL, owner TEXT NOT NULL, "
                        + "done INTEGER NOT NULL, at INTEGER NOT NULL, PRIMARY KEY(scope, id))");
                st.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', '" + SCHEMA + "')");
            }
        });
        LOG.info("{}: schema moved from version {} to {}", file.getFileName(), version, SCHEMA);
    }

    /** A file that is not SQLite at all is refused before the driver touches it. */
    private static void checkHeader(Path file) {
        try {
            if (Files.size(file) == 0) return;
            byte[] head = new byte[16];
            try (var in = Files.newInputStream(file)) {
                int n = in.readNBytes(head, 0, 16);
                if (n < 16 || !new String(head, 0, 15, StandardCharsets.US_ASCII).equals("SQLite format 3")) {
                    throw new StoreException(file + ": is not an SQLite database; it was left untouched — move it away "
                            + "or set LUOHU_DATA to another directory", null);
                }
            }
        } catch (IOException e) {
            throw new StoreException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The salt of the former keying, kept in the database; null when there is none (any more). */
    private static byte[] legacySalt(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'salt'")) {
            return rs.next() ? HexFormat.of().parseHex(rs.getString(1)) : null;
        }
    }

    /** When this database was first opened with the keyed hash (recorded then). */
    private static long migratedAt(Connection c, Clock clock) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'keyed_since'")) {
            if (rs.next()) return Long.parseLong(rs.getString(1));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta(key, value) VALUES('keyed_since', ?)")) {
            ps.setString(1, Long.toString(clock.millis()));
            ps.executeUpdate();
        }
        return clock.millis();
    }

    @Override
    public String chatKey(String chatId) {
        return keys.of(chatId);
    }

    private static String chatId(Session s) {
        return s.chatId();
    }

    private String legacyKey(String chatId) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(legacySalt);
            return HexFormat.of().formatHex(md.digest(chatId.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A row stored under the former key moves to the new key when its chat comes back. Once every such row has
     * either moved or expired (the time to live after the first keyed opening), the old salt is deleted.
     */
    private void migrate(String chatId) throws SQLException {
        if (legacySalt == null) return;
        if (clock.millis() - migratedAt > ttl.toMillis()) {
            try (Statement st = db.createStatement()) {
                st.execute("DELETE FROM meta WHERE key = 'salt'");
            }
            legacySalt = null;
            return;
        }
        rekey.setString(1, chatKey(chatId));
        rekey.setString(2, legacyKey(chatId));
        if (rekey.executeUpdate() > 0) committed();
    }

    @Override
    public synchronized Optional<Session> load(String chatId) {
        purges.maybe(this::purgeIdle);
        try {
            ready();
            migrate(chatId);
            select.setString(1, chatKey(chatId));
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                if (rs.getLong(2) < clock.millis()) {
                    delete(chatId);
                    return Optional.empty();
                }
                String data = rs.getString(1);
                try {
                    return Optional.of(SessionCodec.decode(chatId, data == null ? "" : data));
                } catch (RuntimeException e) {
                    throw new DamagedSessionException(file + ": a stored session cannot be read (" + e.getClass().getSimpleName() + ")", e);
                }
            }
        } catch (SQLException e) {
            throw failed("reading a session", e);
        }
    }

    @Override
    public void save(Session session) {
        save(session, ttl);
    }

    @Override
    public synchronized void save(Session session, Duration ttl) {
        try {
            ready();
            migrate(chatId(session));
            upsert.setString(1, chatKey(session.chatId()));
            upsert.setString(2, SessionCodec.encode(session));
            upsert.setLong(3, session.updated());
            upsert.setLong(4, session.updated() + ttl.toMillis());
            upsert.executeUpdate();
            committed();
        } catch (SQLException e) {
            throw failed("saving a session", e);
        }
    }

    @Override
    public synchronized void delete(String chatId) {
        try {
            ready();
            migrate(chatId);
            delete.setString(1, chatKey(chatId));
            if (delete.executeUpdate() > 0) {
                committed();
                // the deleted conversation's earlier versions leave the write-ahead log too
                try (Statement st = db.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
        } catch (SQLException e) {
            throw failed("deleting a session", e);
        }
    }

    /** Deletes every session idle for longer than the time to live; returns how many. */
    public synchronized int purgeIdle() {
        try {
            long now = purges.starting();
            ready();
            purge.setLong(1, now);
            int n = purge.executeUpdate();
            if (n > 0) LOG.info("expired {} idle sessions", n);
            purgeClaims.setLong(1, now - CLAIMS_KEPT.toMillis());
            purgeClaims.executeUpdate();
            committed();
            return n;
        } catch (SQLException e) {
            throw failed("expiring idle sessions", e);
        }
    }

    /** How long a claimed update id is remembered: Telegram keeps an update for a day at most. */
    static final Duration CLAIMS_KEPT = Duration.ofDays(2);

    @Override
    public <T> T locked(String chatId, java.util.function.Supplier<T> work) {
        return locks.locked(chatId, work);
    }

    @Override
    public Claims claims() {
        return new Claims() {
            @Override
            public Outcome claim(String scope, long id) {
                synchronized (SqliteStore.this) {
                    try {
                        ready();
                        claimRead.setString(1, scope);
                        claimRead.setLong(2, id);
                        try (ResultSet rs = claimRead.executeQuery()) {
                            if (rs.next()) {
                                if (rs.getInt(2) != 0) return Outcome.DONE;
                                if (rs.getString(1).equals(instance)) return Outcome.BUSY;
                                // taken by a former process of this folder, which ended before handling it
                            }
                        }
                    } catch (SQLException e) {
                        throw failed("reading a claim", e);
                    }
                    try {
                        ready();
                        claimTake.setString(1, scope);
                        claimTake.setLong(2, id);
                        claimTake.setString(3, instance);
                        claimTake.setLong(4, clock.millis());
                        claimTake.executeUpdate();
                        committed();
                    } catch (SQLException e) {
                        throw failed("recording a claim", e);
                    }
                    return Outcome.TAKEN;
                }
            }

            @Override
            public void done(String scope, long id) {
                synchronized (SqliteStore.this) {
                    try {
                        ready();
                        claimDone.setString(1, instance);
                        claimDone.setLong(2, clock.millis());
                        claimDone.setString(3, scope);
                        claimDone.setLong(4, id);
                        claimDone.executeUpdate();
                        committed();
                    } catch (SQLException e) {
                        throw failed("recording a claim", e);
                    }
                }
            }
        };
    }

    @Override
    public String describe() {
        return "sqlite:" + file;
    }

    public synchronized int count() {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sessions")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new StoreException(file + ": counting sessions failed (" + e.getMessage() + ")", e);
        }
    }

    /** For tests: runs a statement on the store's own connection (e.g. PRAGMA max_page_count to fill it up). */
    synchronized long execute(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    return rs.next() ? rs.getLong(1) : -1;
                }
            }
            return st.getUpdateCount();
        }
    }

    public Path file() {
        return file;
    }

    /** For tests: how many checkpoints the log has had since the store opened. */
    int checkpointsDone() {
        return checkpoints == null ? 0 : checkpoints.done();
    }

    @Override
    public void close() {
        // outside the store's lock: a checkpoint may be waiting for it, and closing waits for the checkpointer
        WalCheckpoints c = checkpoints;
        if (c != null) c.close();
        synchronized (this) {
            closeQuietly(db);
            if (lock != null) lock.close();
            lock = null;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) c.close();
        } catch (SQLException ignored) {
            // closing is best effort; every commit has already been made
        }
    }
}
