package luohu.store;

import luohu.dialog.Session;
import luohu.policy.Excluded;
import luohu.policy.Facts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteStoreTest {
    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-22T00:00:00Z").toEpochMilli());

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    private static Session sample(String chat, long at) {
        Facts f = Facts.EMPTY.with("housing", new Excluded(Set.of("own", "rent"))).with("lease_months", 8)
                .with("graduation_years", 2.5).with("lease_registered", true).with("education", "college");
        return new Session(chat, "interview", "宁城县", f, "employment", Set.of("age"), 3, at,
                List.of(new Session.TurnNote(at, "settle", "assess", "interview")), "grandchild", List.of("cf-purchase"), "materials");
    }

    @Test
    void sessionsSurviveClosingAndReopening() {
        ManualClock clock = new ManualClock();
        Session s = sample("123456789", clock.millis());
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), clock)) {
            store.save(s);
        }
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), clock)) {
            assertEquals(s, store.load("123456789").orElseThrow());
            store.delete("123456789");
            assertTrue(store.load("123456789").isEmpty());
        }
    }

    @Test
    void chatIdsAreNotStored() throws Exception {
        ManualClock clock = new ManualClock();
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), clock)) {
            store.save(sample("987654321012", clock.millis()));
            assertFalse(store.chatKey("987654321012").contains("987654321012"));
        }
        for (Path p : Files.list(dir).toList()) {
            String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("987654321012"), p + " holds the chat id");
        }
    }

    @Test
    void idleSessionsExpire() {
        ManualClock clock = new ManualClock();
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), clock)) {
            store.save(sample("old", clock.millis()));
            clock.millis.addAndGet(Duration.ofDays(20).toMillis());
            store.save(sample("newer", clock.millis()));
            clock.millis.addAndGet(Duration.ofDays(11).toMillis());
            assertTrue(store.load("old").isEmpty(), "idle 31 days");
            assertTrue(store.load("newer").isPresent(), "idle 11 days");
            clock.millis.addAndGet(Duration.ofDays(30).toMillis());
            assertEquals(1, store.purgeIdle());
            assertEquals(0, store.count());
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedAndLeftUntouched() throws Exception {
        Path file = dir.resolve(SqliteStore.FILE);
        byte[] garbage = "these are not the sessions you are looking for".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(dir, Duration.ofDays(30), Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertArrayEquals(garbage, Files.readAllBytes(file));
    }

    @Test
    void aDamagedDatabaseIsNamedAndLeftUntouched() throws Exception {
        ManualClock clock = new ManualClock();
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), clock)) {
            for (int i = 0; i < 300; i++) store.save(sample("chat" + i, clock.millis()));
        }
        Path file = dir.resolve(SqliteStore.FILE);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096; i < bytes.length; i += 7) bytes[i] = (byte) 0x5A; // scribble over every page after the first
        Files.write(file, bytes);
        for (String side : List.of("-wal", "-shm")) Files.deleteIfExists(dir.resolve(SqliteStore.FILE + side));
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(dir, Duration.ofDays(30), clock));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void theKeyIsNotInTheDatabaseAndTheKeyFileIsTheOwnersOnly() throws Exception {
        ManualClock clock = new ManualClock();
        String phone = "13812345678";
        String stored;
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), clock)) {
            store.save(sample(phone, clock.millis()));
            stored = store.chatKey(phone);
            assertEquals(0, store.execute("SELECT COUNT(*) FROM meta WHERE key = 'salt'"), "no salt beside the hashes");
        }
        Path key = dir.resolve(ChatKeys.KEY_FILE);
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(key));
        String keyHex = Files.readString(key).strip();
        String db = new String(Files.readAllBytes(dir.resolve(SqliteStore.FILE)), StandardCharsets.ISO_8859_1);
        assertFalse(db.contains(keyHex), "the key is not in the database");
        assertTrue(db.contains(stored));
        // the same database with another key (the key file lost, or another secret) cannot tell the chat
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.copy(dir.resolve(SqliteStore.FILE), other.resolve(SqliteStore.FILE));
        try (SqliteStore store = SqliteStore.open(other, Duration.ofDays(30), clock, "another secret of 16+ characters")) {
            assertFalse(store.chatKey(phone).equals(stored));
            assertTrue(store.load(phone).isEmpty());
        }
        assertFalse(Files.exists(other.resolve(ChatKeys.KEY_FILE)), "a configured secret needs no key file");
        // a key file others can read is made the owner's only again
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), clock)) {
            assertTrue(store.load(phone).isPresent());
        }
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(key));
        assertThrows(StoreException.class, () -> SqliteStore.open(other, Duration.ofDays(30), clock, "short"));
    }

    @Test
    void rowsOfTheFormerSaltedKeyingMoveToTheKeyedOneAndTheSaltGoes() throws Exception {
        ManualClock clock = new ManualClock();
        Session s = sample("555000111", clock.millis());
        byte[] salt = new byte[16];
        java.util.Arrays.fill(salt, (byte) 7);
        Files.createDirectories(dir);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE));
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE sessions (chat TEXT PRIMARY KEY, data TEXT NOT NULL, updated INTEGER NOT NULL)");
            st.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            st.execute("INSERT INTO meta VALUES('salt', '" + java.util.HexFormat.of().formatHex(salt) + "')");
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(salt);
            String old = java.util.HexFormat.of().formatHex(md.digest("555000111".getBytes(StandardCharsets.UTF_8)));
            st.execute("INSERT INTO sessions VALUES('" + old + "', '" + SessionCodec.encode(s).replace("'", "''") + "', " + clock.millis() + ")");
        }
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), clock)) {
            assertEquals(s, store.load("555000111").orElseThrow());
            assertEquals(1, store.execute("SELECT COUNT(*) FROM sessions WHERE chat = '" + store.chatKey("555000111") + "'"));
            clock.millis.addAndGet(Duration.ofDays(31).toMillis());
            store.load("anyone");
            assertEquals(0, store.execute("SELECT COUNT(*) FROM meta WHERE key = 'salt'"), "the salt is gone once no row can need it");
        }
    }

    @Test
    void aDeletedConversationLeavesNothingReadableInTheFile() throws Exception {
        ManualClock clock = new ManualClock();
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), clock)) {
            for (int i = 0; i < 200; i++) store.save(sample("chat" + i, clock.millis()).withPlace("秘密之地" + i));
            store.save(sample("keeper", clock.millis()));
            for (int i = 0; i < 200; i++) store.delete("chat" + i);
        }
        for (Path p : Files.list(dir).toList()) {
            String bytes = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            assertFalse(bytes.contains("秘密之地"), p + " still holds a deleted conversation");
        }
    }

    @Test
    void noGeneratedKeysQueryFollowsAnInsert() throws Exception {
        try (java.sql.Connection c = SqliteFiles.connect(dir.resolve("keys.db"))) {
            assertFalse(c.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig().isGetGeneratedKeys());
        }
    }

    @Test
    void theLogIsCheckpointedOffTheWritersPathAndNothingIsLost() throws Exception {
        int sessions = WalCheckpoints.COMMITS * 3;
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), Clock.systemUTC())) {
            assertEquals(0, store.execute("PRAGMA wal_autocheckpoint"), "no commit checkpoints the log itself");
            for (int i = 0; i < sessions; i++) store.save(sample("chat-" + i, System.currentTimeMillis()));
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (store.checkpointsDone() == 0 && System.nanoTime() < until) Thread.sleep(10);
            assertTrue(store.checkpointsDone() > 0, "the checkpointer ran");
            for (int i = 0; i < sessions; i++) assertTrue(store.load("chat-" + i).isPresent(), "chat-" + i);
        }
        try (SqliteStore again = SqliteStore.open(dir, Duration.ofDays(30), Clock.systemUTC())) {
            assertEquals(sessions, again.count());
        }
    }
}
