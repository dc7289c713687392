package luohu.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * The contract on SQLite (the cache the assistant puts in front is tested with it in DamagedSessionTest and
 * FullDiskTest). One process owns the file, so a second store is opened only after the first is closed. A full
 * disk is made real with PRAGMA max_page_count, the way a full disk refuses to grow the file.
 */
class SqliteStoreContractTest extends SessionStoreContract {
    @TempDir
    Path dir;
    private SqliteStore sqlite;

    @Override
    protected SessionStore openStore() {
        sqlite = SqliteStore.openFile(dir.resolve("sessions.db"), TTL, clock, null);
        return sqlite;
    }

    @Override
    protected boolean damage(SessionStore store, String chatId, String data) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite.file());
             PreparedStatement ps = c.prepareStatement("UPDATE sessions SET data = ? WHERE chat = ?")) {
            ps.setString(1, data);
            ps.setString(2, store.chatKey(chatId));
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    protected boolean fillUp(SessionStore store) throws Exception {
        sqlite.execute("PRAGMA max_page_count=" + sqlite.execute("PRAGMA page_count"));
        return true;
    }

    @Override
    protected void makeRoom(SessionStore store) throws Exception {
        sqlite.execute("PRAGMA max_page_count=1073741823");
    }
}
