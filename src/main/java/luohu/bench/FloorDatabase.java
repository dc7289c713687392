package luohu.bench;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The least a durable turn must write: a session-sized row upserted and committed in SQLite's WAL mode with
 * synchronous=NORMAL (what the store promises), on one connection with its statement prepared once and no
 * generated-keys query — alone, or with other chats' rows in one commit.
 */
final class FloorDatabase implements AutoCloseable {
    /** As many chats as a mid-sized run, so the upserts land in a table of realistic depth. */
    static final int CHATS = 10_000;
    private final Path dir;
    private final Connection db;
    private final PreparedStatement upsert;
    private final String row;

    FloorDatabase(String row) throws SQLException, IOException {
        this.row = row;
        this.dir = Files.createTempDirectory("luohu-floor");
        SQLiteConfig config = new SQLiteConfig();
        config.setGetGeneratedKeys(false);
        db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("floor.db"), config.toProperties());
        try (Statement st = db.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("CREATE TABLE sessions (chat TEXT PRIMARY KEY, data TEXT NOT NULL, updated INTEGER NOT NULL, expires INTEGER NOT NULL)");
        }
        upsert = db.prepareStatement("INSERT INTO sessions(chat, data, updated, expires) VALUES(?, ?, ?, ?) "
                + "ON CONFLICT(chat) DO UPDATE SET data = excluded.data, updated = excluded.updated, expires = excluded.expires");
        luohu.store.Transactions.inOne(db, () -> {
            for (int c = 0; c < CHATS; c++) bind(c).executeUpdate();
        });
    }

    private PreparedStatement bind(int chat) throws SQLException {
        long now = System.currentTimeMillis();
        upsert.setString(1, "chat-" + Math.floorMod(chat, CHATS));
        upsert.setString(2, row);
        upsert.setLong(3, now);
        upsert.setLong(4, now + 30L * 86_400_000);
        return upsert;
    }

    /** One chat's row in a commit of its own. */
    synchronized void commitAlone(int chat) throws SQLException {
        bind(chat).executeUpdate();
    }

    /** Several chats' rows in one commit. */
    synchronized void commitTogether(List<Integer> chats) throws SQLException {
        luohu.store.Transactions.inOne(db, () -> {
            for (int c : chats) bind(c).executeUpdate();
        });
    }

    @Override
    public synchronized void close() throws SQLException, IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
