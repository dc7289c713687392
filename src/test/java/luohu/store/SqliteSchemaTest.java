package luohu.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database of the first schema is moved to this release's at start; one of a newer schema is refused. */
class SqliteSchemaTest {
    @TempDir
    Path dir;

    @Test
    void aFirstSchemaDatabaseIsMigratedAndItsSessionsKept() throws Exception {
        SqliteStoreTest.ManualClock clock = new SqliteStoreTest.ManualClock();
        String key;
        // the layout of the release before schema versions: sessions(chat, data, updated) and meta
        try (SqliteStore keys = SqliteStore.open(dir.resolve("keys"), Duration.ofDays(30), clock)) {
            key = keys.chatKey("old-chat");
        }
        java.nio.file.Files.copy(dir.resolve("keys").resolve(ChatKeys.KEY_FILE), dir.resolve(ChatKeys.KEY_FILE));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE)); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE sessions (chat TEXT PRIMARY KEY, data TEXT NOT NULL, updated INTEGER NOT NULL)");
            st.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions VALUES(?, ?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, luohu.store.SessionCodec.encode(SessionStoreContract.sample("old-chat", clock.millis())));
                ps.setLong(3, clock.millis());
                ps.executeUpdate();
            }
        }
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), clock)) {
            assertTrue(store.load("old-chat").isPresent(), "the session is kept");
            assertEquals(SqliteStore.SCHEMA, store.execute("SELECT value FROM meta WHERE key = 'schema_version'"));
            clock.millis.addAndGet(Duration.ofDays(31).toMillis());
            assertTrue(store.load("old-chat").isEmpty(), "and expires as it would have");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE)); Statement st = c.createStatement()) {
            st.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM claims")) {
                assertTrue(rs.next());
            }
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(dir, Duration.ofDays(30), clock));
        assertTrue(e.getMessage().contains("newer luohu"), e.getMessage());
    }
}
