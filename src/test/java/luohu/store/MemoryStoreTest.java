package luohu.store;

import com.github.benmanes.caffeine.cache.Ticker;
import luohu.dialog.Session;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory store is bounded and forgets idle sessions, as the database does. */
class MemoryStoreTest {
    @Test
    void idleSessionsExpireAndTheNumberKeptIsBounded() {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        MemoryStore store = new MemoryStore(100, Duration.ofDays(30), ticker);
        store.save(Session.start("idle"));
        nanos.addAndGet(Duration.ofDays(29).toNanos());
        assertTrue(store.load("idle").isPresent());
        nanos.addAndGet(Duration.ofDays(31).toNanos());
        assertTrue(store.load("idle").isEmpty(), "idle for longer than the time to live");
        for (int i = 0; i < 1000; i++) store.save(Session.start("chat-" + i));
        assertTrue(store.size() <= 100, "kept " + store.size());
    }
}
