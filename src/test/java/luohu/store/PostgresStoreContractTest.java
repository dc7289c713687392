package luohu.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract on a real PostgreSQL server (see {@link PostgresServer}), a database of its own per test. Two stores
 * on one database are two instances. A full disk is staged with a trigger that fails every write with the error
 * PostgreSQL gives when it cannot extend a file (SQLSTATE 53100, disk_full); the database going away is its server
 * stopped at once and started again.
 */
class PostgresStoreContractTest extends SessionStoreContract {
    static final String SECRET = "contract-test-secret-0123456789";
    @TempDir
    Path data;
    private PostgresServer server;
    private String url, database;

    @BeforeEach
    void database() throws Exception {
        assumeTrue(PostgresServer.shared() != null, PostgresServer.whyNot());
        server = PostgresServer.shared();
        url = server.newDatabase();
        database = url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    protected SessionStore openStore() {
        return PostgresStore.open(StoreUrl.parse(url, null), data, TTL, clock, SECRET);
    }

    @Override
    protected boolean sharedByProcesses() {
        return true;
    }

    @Override
    protected boolean damage(SessionStore store, String chatId, String value) throws Exception {
        try (Connection c = server.connect(database);
             PreparedStatement ps = c.prepareStatement("UPDATE luohu_sessions SET data = ? WHERE chat = ?")) {
            ps.setString(1, value);
            ps.setString(2, store.chatKey(chatId));
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    protected boolean fillUp(SessionStore store) throws Exception {
        try (Connection c = server.connect(database); Statement st = c.createStatement()) {
            st.execute("CREATE FUNCTION luohu_test_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "RAISE EXCEPTION USING ERRCODE = 'disk_full', MESSAGE = 'could not extend file: No space left on device'; END $$");
            st.execute("CREATE TRIGGER luohu_test_full BEFORE INSERT OR UPDATE ON luohu_sessions FOR EACH ROW EXECUTE FUNCTION luohu_test_full()");
        }
        return true;
    }

    @Override
    protected void makeRoom(SessionStore store) throws Exception {
        try (Connection c = server.connect(database); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER luohu_test_full ON luohu_sessions");
        }
    }

    @Override
    protected boolean goAway() throws Exception {
        server.stop();
        return true;
    }

    @Override
    protected void comeBack() throws Exception {
        server.restart();
    }
}
