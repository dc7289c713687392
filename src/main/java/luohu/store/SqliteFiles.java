package luohu.store;

import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A connection of its own to the sessions' SQLite file, for a table kept beside them (codes, counters). */
final class SqliteFiles {
    private SqliteFiles() {
    }

    /**
     * A connection to the file that runs no generated-keys query after each INSERT: the driver does so by default,
     * and luohu never reads one.
     */
    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setGetGeneratedKeys(false);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /**
     * Opens the file (created with its folder when missing) in WAL mode and runs the statements that set up its table.
     *
     * @throws StoreException naming the file and what it was for when it cannot be used
     */
    static Connection open(Path file, List<String> setup, String purpose) {
        Connection c = null;
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            c = connect(file);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout=5000");
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                for (String sql : setup) st.execute(sql);
            }
            return c;
        } catch (SQLException | java.io.IOException e) {
            try {
                if (c != null) c.close();
            } catch (SQLException ignored) {
                // reporting the first failure
            }
            throw new StoreException(file + ": cannot keep " + purpose + " there (" + e.getMessage() + ")", e);
        }
    }
}
