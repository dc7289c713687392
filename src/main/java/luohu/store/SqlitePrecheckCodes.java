package luohu.store;

import luohu.dialog.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Pre-check codes in a table of their own in the database sessions use ({@code <data>/luohu.db}), on a connection of
 * their own: SQLite serialises writers across connections and processes, so the bot and the window's console may
 * use the same file. The snapshot is stored in the session row format (place, facts, the chosen pathway as focus).
 * Expired codes are deleted at opening and then at most hourly.
 */
public final class SqlitePrecheckCodes implements PrecheckCodes {
    private static final Logger LOG = LoggerFactory.getLogger(SqlitePrecheckCodes.class);
    private static final long PURGE_EVERY = java.time.Duration.ofHours(1).toMillis();
    private final Connection db;
    private final Path file;
    private long lastPurge;

    private SqlitePrecheckCodes(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /**
     * Opens the database file (created with its folder when missing) and the codes table in it.
     *
     * @throws StoreException naming the file when it cannot be used
     */
    public static SqlitePrecheckCodes open(Path file, long now) {
        Connection c = SqliteFiles.open(file, List.of("PRAGMA secure_delete=ON",
                "CREATE TABLE IF NOT EXISTS precheck_codes (code TEXT PRIMARY KEY, chat TEXT NOT NULL, "
                        + "data TEXT NOT NULL, issued INTEGER NOT NULL, expires INTEGER NOT NULL)",
                "CREATE INDEX IF NOT EXISTS precheck_codes_chat ON precheck_codes(chat)",
                "CREATE INDEX IF NOT EXISTS precheck_codes_expires ON precheck_codes(expires)"), "pre-check codes");
        SqlitePrecheckCodes s = new SqlitePrecheckCodes(c, file);
        s.purgeExpired(now);
        return s;
    }

    @Override
    public synchronized void put(String codeHash, String chatKey, Entry e) {
        Session snapshot = Session.start("").withPlace(e.place()).withFacts(e.facts())
                .withFocus(e.pathway() == null ? List.of() : List.of(e.pathway()), null);
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO precheck_codes(code, chat, data, issued, expires) VALUES(?, ?, ?, ?, ?)")) {
            ps.setString(1, codeHash);
            ps.setString(2, chatKey);
            ps.setString(3, SessionCodec.encode(snapshot));
            ps.setLong(4, e.issued());
            ps.setLong(5, e.expires());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException(file + ": saving a pre-check code failed (" + ex.getMessage() + ")", ex);
        }
    }

    @Override
    public synchronized Optional<Entry> open(String codeHash, long now) {
        maybePurge(now);
        try (PreparedStatement ps = db.prepareStatement("SELECT data, issued, expires FROM precheck_codes WHERE code = ?")) {
            ps.setString(1, codeHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long expires = rs.getLong(3);
                if (expires <= now) {
                    delete("DELETE FROM precheck_codes WHERE code = ?", codeHash);
                    return Optional.empty();
                }
                Session s;
                try {
                    s = SessionCodec.decode("", rs.getString(1));
                } catch (RuntimeException damaged) {
                    LOG.warn("{}: a stored pre-check code cannot be read ({}); deleted", file, damaged.getClass().getSimpleName());
                    delete("DELETE FROM precheck_codes WHERE code = ?", codeHash);
                    return Optional.empty();
                }
                return Optional.of(new Entry(s.place(), s.facts(), s.focus().isEmpty() ? null : s.focus().get(0), rs.getLong(2), expires));
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": reading a pre-check code failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized int deleteChat(String chatKey) {
        try {
            return delete("DELETE FROM precheck_codes WHERE chat = ?", chatKey);
        } catch (SQLException e) {
            throw new StoreException(file + ": deleting pre-check codes failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized int purgeExpired(long now) {
        lastPurge = now;
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM precheck_codes WHERE expires <= ?")) {
            ps.setLong(1, now);
            int n = ps.executeUpdate();
            if (n > 0) LOG.info("expired {} pre-check codes", n);
            return n;
        } catch (SQLException e) {
            throw new StoreException(file + ": expiring pre-check codes failed (" + e.getMessage() + ")", e);
        }
    }

    private void maybePurge(long now) {
        if (now - lastPurge <= PURGE_EVERY) return;
        try {
            purgeExpired(now);
        } catch (StoreException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    private int delete(String sql, String key) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, key);
            return ps.executeUpdate();
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // every change was committed when it was made
        }
    }
}
