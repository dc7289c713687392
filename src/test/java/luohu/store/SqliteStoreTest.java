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
}
