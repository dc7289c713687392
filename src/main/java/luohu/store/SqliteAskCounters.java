package luohu.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Counters in a table of their own in the sessions' database file, on a connection of their own; they survive restarts. */
public final class SqliteAskCounters implements AskCounters {
    private final Connection db;
    private final Path file;

    private SqliteAskCounters(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /** @throws StoreException naming the file when it cannot be used */
    public static SqliteAskCounters open(Path file) {
        return new SqliteAskCounters(SqliteFiles.open(file, List.of(
                "CREATE TABLE IF NOT EXISTS ask_counts (document TEXT NOT NULL, week TEXT NOT NULL, key TEXT NOT NULL, "
                        + "n INTEGER NOT NULL, PRIMARY KEY (document, week, key))"), "the report's counters"), file);
    }

    private static final String UPSERT = "INSERT INTO ask_counts(document, week, key, n) VALUES(?, ?, ?, ?) "
            + "ON CONFLICT(document, week, key) DO UPDATE SET n = n + excluded.n";
    /** Prepared once: counts are written often. */
    private PreparedStatement upsert;

    @Override
    public synchronized void add(String document, String week, String key, long n) {
        try {
            upsert(document, week, key, n);
        } catch (SQLException e) {
            throw new StoreException(file + ": counting failed (" + e.getMessage() + ")", e);
        }
    }

    /** In one transaction: one commit for many counts, and none of them without the others. */
    @Override
    public synchronized void addAll(List<Count> counts) {
        try {
            Transactions.inOne(db, () -> {
                for (Count c : counts) upsert(c.document(), c.week(), c.key(), c.n());
            });
        } catch (SQLException e) {
            throw new StoreException(file + ": counting failed (" + e.getMessage() + ")", e);
        }
    }

    private void upsert(String document, String week, String key, long n) throws SQLException {
        if (upsert == null) upsert = db.prepareStatement(UPSERT);
        upsert.setString(1, document);
        upsert.setString(2, week);
        upsert.setString(3, key);
        upsert.setLong(4, n);
        upsert.executeUpdate();
    }

    @Override
    public synchronized List<Count> all() {
        List<Count> out = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT document, week, key, n FROM ask_counts ORDER BY document, week, key")) {
            while (rs.next()) out.add(new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        } catch (SQLException e) {
            throw new StoreException(file + ": reading the counters failed (" + e.getMessage() + ")", e);
        }
        return out;
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
