package luohu.store;

import luohu.Assistant;
import luohu.TestAssistants;
import luohu.dialog.Reply;
import luohu.dialog.Session;
import luohu.policy.Excluded;
import luohu.policy.Facts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every session store promises, run against each of them (memory, SQLite, PostgreSQL) in the manner of
 * Caffeine's cache tests: one suite, one subclass per store. A subclass opens its store on a clock the test moves,
 * and says which faults it can stage for real (a damaged row, a full disk, a database that goes away); the tests of
 * a fault it cannot stage are skipped, saying so.
 */
abstract class SessionStoreContract {
    static final Duration TTL = Duration.ofDays(30);
    protected final SqliteStoreTest.ManualClock clock = new SqliteStoreTest.ManualClock();
    private final List<SessionStore> opened = new ArrayList<>();

    /** A store on the backing of this test (the same one each call, once it exists): a second call is another process's. */
    protected abstract SessionStore openStore();

    /** Whether two stores may be open on the backing at once (two instances sharing it). */
    protected boolean sharedByProcesses() {
        return false;
    }

    /** Whether what was saved is still there after the store was closed and opened again. */
    protected boolean durable() {
        return true;
    }

    /** Overwrites the stored row of a chat with {@code data}; false when the store cannot be damaged so. */
    protected boolean damage(SessionStore store, String chatId, String data) throws Exception {
        return false;
    }

    /** Makes the store refuse to grow, as a full disk does; false when it cannot. */
    protected boolean fillUp(SessionStore store) throws Exception {
        return false;
    }

    protected void makeRoom(SessionStore store) throws Exception {
    }

    /** Takes the database away (stops its server); false when the store has none to lose. */
    protected boolean goAway() throws Exception {
        return false;
    }

    protected void comeBack() throws Exception {
    }

    protected final SessionStore open() {
        SessionStore s = openStore();
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        for (SessionStore s : opened) s.close();
    }

    static Session sample(String chat, long at) {
        Facts f = Facts.EMPTY.with("housing", new Excluded(Set.of("own", "rent"))).with("lease_months", 8)
                .with("graduation_years", 2.5).with("lease_registered", true).with("education", "college");
        return new Session(chat, "interview", "宁城县", f, "employment", Set.of("age"), 3, at,
                List.of(new Session.TurnNote(at, "settle", "assess", "interview")), "grandchild", List.of("cf-purchase"), "materials");
    }

    @Test
    void whatIsSavedLoadsBackAndDeleteRemovesIt() {
        SessionStore store = open();
        Session s = sample("123456789", clock.millis());
        assertTrue(store.load("123456789").isEmpty());
        store.save(s);
        assertEquals(s, store.load("123456789").orElseThrow());
        // (the hashes of the reply's lines come back too: the next turn compares its reply with them)
        Session later = s.touched(clock.millis() + 1000, "inform", "ask", "好".hashCode(), Session.lineHashes("好的\n请问：您的学历是？"));
        store.save(later);
        assertEquals(later, store.load("123456789").orElseThrow());
        store.delete("123456789");
        assertTrue(store.load("123456789").isEmpty());
        store.delete("never-seen"); // deleting nothing is no error
        assertFalse(store.chatKey("123456789").contains("123456789"));
    }

    @Test
    void whatIsSavedSurvivesReopening() {
        assumeTrue(durable(), "this store keeps nothing beyond its process");
        SessionStore first = open();
        Session s = sample("survivor", clock.millis());
        first.save(s);
        first.close();
        opened.remove(first);
        assertEquals(s, open().load("survivor").orElseThrow());
    }

    @Test
    void idleSessionsExpireAndShortLivedOnesSooner() {
        SessionStore store = open();
        store.save(sample("old", clock.millis()));
        clock.millis.addAndGet(Duration.ofDays(20).toMillis());
        store.save(sample("newer", clock.millis()));
        store.save(sample("short", clock.millis()), Duration.ofHours(2));
        clock.millis.addAndGet(Duration.ofDays(11).toMillis());
        assertTrue(store.load("old").isEmpty(), "idle 31 days");
        assertTrue(store.load("newer").isPresent(), "idle 11 days");
        if (store instanceof MemoryStore) return; // one time to live for all: the web console keeps its own
        assertTrue(store.load("short").isEmpty(), "kept two hours only");
    }

    @Test
    void concurrentWritersToOneChatLoseNoTurn() throws Exception {
        SessionStore a = open();
        SessionStore b = sharedByProcesses() ? open() : a;
        int threads = 8, each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SessionStore store = t % 2 == 0 ? a : b;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        store.locked("busy", () -> {
                            Session s = store.load("busy").orElseGet(() -> Session.start("busy"));
                            store.save(s.touched(clock.millis(), "inform", "ask"));
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(threads * each, a.load("busy").orElseThrow().turns());
    }

    @Test
    void aDamagedRowNeverLocksTheChatOut() throws Exception {
        SessionStore store = open();
        store.save(sample("victim", clock.millis()));
        assumeTrue(damage(store, "victim", "{\"v\": 2, \"state\": "), "this store's rows cannot be damaged");
        assertThrows(DamagedSessionException.class, () -> store.load("victim"));
        store.delete("victim");
        assertTrue(store.load("victim").isEmpty());

        // through the assistant: the chat starts over with a notice, and 删除我的信息 works
        try (Assistant assistant = TestAssistants.withStore(store)) {
            assistant.reply("victim", "我在赤峰租房两年了，能落户吗");
            assistant.reply("forgetter", "我在赤峰租房两年了，能落户吗");
            assertTrue(damage(store, "victim", "this is not json"));
            assertTrue(damage(store, "forgetter", "[1, 2, 3]"));
            Reply forgot = assistant.reply("forgetter", "删除我的信息");
            assertTrue(forgot.text().contains("已删除"), forgot.text());
            assertTrue(store.load("forgetter").isEmpty());
            Reply r = assistant.reply("victim", "我在聊城买了房，能落户吗");
            assertTrue(r.text().startsWith("抱歉，您之前的对话记录无法读取"), r.text());
            assertTrue(store.load("victim").orElseThrow().place().startsWith("聊城"));
        }
    }

    @Test
    void aRowOfTheFirstFormatIsReadByThisRelease() throws Exception {
        SessionStore store = open();
        store.save(sample("old-format", clock.millis()));
        String v1 = "{\"v\": 1, \"state\": \"interview\", \"place\": \"宁城县\", \"facts\": {\"lease_months\": 8}, \"asked\": \"employment\", "
                + "\"turns\": 3, \"updated\": " + clock.millis() + ", \"recent\": []}";
        assumeTrue(damage(store, "old-format", v1), "this store's rows cannot be written directly");
        Session s = store.load("old-format").orElseThrow();
        assertEquals("宁城县", s.place());
        assertEquals(8, s.facts().asMap().get("lease_months"));
        assertEquals(null, s.applicant());
        assertTrue(s.focus().isEmpty());
    }

    @Test
    void aFullDiskIsAFailureThatPassesOnceThereIsRoom() throws Exception {
        SessionStore store = open();
        try (Assistant assistant = TestAssistants.withStore(store)) {
            assistant.reply("before", "我在赤峰租房两年了，能落户吗");
            assumeTrue(fillUp(store), "this store cannot be filled up here");
            try {
                int refused = 0;
                for (int i = 0; i < 300 && refused == 0; i++) {
                    Reply r = assistant.reply("full-" + i, "我在聊城买了房，" + "想落户".repeat(i % 7 + 1) + "，我" + (20 + i % 40) + "岁");
                    if (r.text().contains("无法保存")) refused++;
                }
                assertTrue(refused > 0, "a turn was refused while the disk was full");
            } finally {
                makeRoom(store);
            }
            Reply r = assistant.reply("after", "我在聊城买了房，想落户");
            assertFalse(r.text().contains("无法保存"), r.text());
            assertTrue(store.load("after").isPresent());
            assertTrue(store.load("before").isPresent());
        }
    }

    @Test
    void aDatabaseThatGoesAwayIsAFailureThatPassesOnceItIsBack() throws Exception {
        SessionStore store = open();
        store.save(sample("kept", clock.millis()));
        assumeTrue(goAway(), "this store has no database server to lose");
        try {
            assertThrows(StoreException.class, () -> store.save(sample("lost", clock.millis())));
            assertFalse(store.reachable());
        } finally {
            comeBack();
        }
        StoreException last = null;
        for (int i = 0; i < 60; i++) { // the pool reconnects on its own: give it a bounded number of tries
            try {
                store.save(sample("back", clock.millis()));
                last = null;
                break;
            } catch (StoreException e) {
                last = e;
                Thread.sleep(500);
            }
        }
        if (last != null) throw last;
        assertTrue(store.reachable());
        assertTrue(store.load("kept").isPresent());
        assertTrue(store.load("back").isPresent());
    }

    @Test
    void anUpdateIsClaimedOnceAndADeadProcessesClaimIsTakenOver() {
        SessionStore a = open();
        Claims ca = a.claims();
        assertEquals(Claims.Outcome.TAKEN, ca.claim("bot", 1));
        assertEquals(Claims.Outcome.BUSY, ca.claim("bot", 1), "in hand");
        ca.done("bot", 1);
        assertEquals(Claims.Outcome.DONE, ca.claim("bot", 1));
        assertEquals(Claims.Outcome.TAKEN, ca.claim("other-bot", 1), "scopes are apart");
        assertEquals(Claims.Outcome.TAKEN, ca.claim("bot", 2));
        if (sharedByProcesses()) {
            SessionStore b = open();
            assertEquals(Claims.Outcome.BUSY, b.claims().claim("bot", 2), "another live process has it");
            assertEquals(Claims.Outcome.DONE, b.claims().claim("bot", 1));
        }
        assumeTrue(durable(), "claims of this store end with its process");
        a.close();
        opened.remove(a);
        SessionStore c = open();
        assertEquals(Claims.Outcome.DONE, c.claims().claim("bot", 1));
        assertEquals(Claims.Outcome.TAKEN, c.claims().claim("bot", 2), "its process died before handling it");
        assertEquals(Claims.Outcome.BUSY, c.claims().claim("bot", 2));
    }
}
