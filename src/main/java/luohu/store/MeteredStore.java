package luohu.store;

import io.micrometer.core.instrument.Timer;
import luohu.common.Telemetry;
import luohu.dialog.Session;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Times every load, save and delete of a store (metric luohu.store.latency, by operation and kind of store). */
public final class MeteredStore extends ForwardingStore {
    private final Timer load, save, delete, lock;

    public MeteredStore(SessionStore store, String kind) {
        super(store);
        this.load = timer("load", kind);
        this.save = timer("save", kind);
        this.delete = timer("delete", kind);
        this.lock = timer("turn_transaction", kind);
    }

    private static Timer timer(String op, String kind) {
        return Timer.builder("luohu.store.latency").description("time of one store operation").tag("op", op).tag("store", kind)
                .publishPercentileHistogram().register(Telemetry.registry());
    }

    @Override
    public Optional<Session> load(String chatId) {
        return time(load, () -> store.load(chatId));
    }

    @Override
    public void save(Session session) {
        time(save, () -> {
            store.save(session);
            return null;
        });
    }

    @Override
    public void save(Session session, Duration ttl) {
        time(save, () -> {
            store.save(session, ttl);
            return null;
        });
    }

    @Override
    public void delete(String chatId) {
        time(delete, () -> {
            store.delete(chatId);
            return null;
        });
    }

    @Override
    public <T> T locked(String chatId, Supplier<T> work) {
        return time(lock, () -> store.locked(chatId, work));
    }

    private static <T> T time(Timer timer, Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } catch (StoreException e) {
            Telemetry.error("store");
            throw e;
        } finally {
            timer.record(Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
