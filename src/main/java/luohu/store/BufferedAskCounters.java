package luohu.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts in memory and writes the sums to a durable store once a second, in one transaction, off the turns' path:
 * a counter written by each turn on a connection of its own would wait for the sessions' writer and add a commit to
 * every turn. Reading flushes first, and closing flushes what is left; a crash loses at most the last second's
 * counts, which are statistics, never a conversation.
 */
public final class BufferedAskCounters implements AskCounters {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedAskCounters.class);
    static final long FLUSH_MILLIS = 1000;

    private final AskCounters durable;
    /** What is counted and not yet written; each counter is taken and zeroed atomically when written. */
    private final Map<Key, AtomicLong> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    public BufferedAskCounters(AskCounters durable) {
        this.durable = durable;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "luohu-counters");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void add(String document, String week, String key, long n) {
        pending.computeIfAbsent(new Key(document, week, key), k -> new AtomicLong()).addAndGet(n);
    }

    @Override
    public List<Count> all() {
        flush();
        return durable.all();
    }

    /** Writes what was counted since the last flush; counts that fail to be written are kept for the next. */
    synchronized void flush() {
        List<Count> sums = new ArrayList<>();
        pending.forEach((k, v) -> {
            long n = v.getAndSet(0);
            if (n != 0) sums.add(k.count(n));
        });
        if (sums.isEmpty()) return;
        try {
            durable.addAll(sums);
        } catch (RuntimeException e) {
            sums.forEach(c -> add(c.document(), c.week(), c.key(), c.n()));
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("the report's counters were not written; they are kept for the next try ({})", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("the report's last counts were not written ({})", e.getClass().getSimpleName());
        } finally {
            durable.close();
        }
    }
}
