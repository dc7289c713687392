package luohu.channel.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One serial lane per chat on a shared pool: the tasks of one key run one at a time in the order they were
 * submitted; tasks of different keys run in parallel. A lane gives its thread back after each task, so a busy chat
 * does not starve the others. A lane without work holds no memory. A task that throws is logged and the lane goes
 * on.
 */
public final class ChatLanes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatLanes.class);
    private final ExecutorService pool;
    private final ConcurrentHashMap<String, ArrayDeque<Runnable>> lanes = new ConcurrentHashMap<>();

    public ChatLanes(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "telegram-chat-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    /** Queues a task behind the earlier tasks of the same key. */
    public void submit(String key, Runnable task) {
        boolean[] start = {false};
        lanes.compute(key, (k, queue) -> {
            if (queue == null) {
                queue = new ArrayDeque<>();
                start[0] = true; // the first task of an idle lane starts it; a running lane picks it up itself
            }
            queue.addLast(task);
            return queue;
        });
        if (start[0]) pool.execute(() -> runNext(key));
    }

    /** Runs the head of a lane, then either removes the (now empty) lane or schedules its next task. */
    private void runNext(String key) {
        Runnable[] task = {null};
        lanes.computeIfPresent(key, (k, q) -> {
            task[0] = q.peekFirst(); // every access to a queue happens inside compute, under the map's lock for the key
            return q;
        });
        try {
            task[0].run();
        } catch (Throwable t) {
            LOG.error("a task of a chat lane failed: {}", t.toString());
        }
        boolean[] more = {false};
        lanes.compute(key, (k, q) -> {
            q.pollFirst();
            more[0] = !q.isEmpty();
            return more[0] ? q : null;
        });
        if (more[0]) pool.execute(() -> runNext(key));
    }

    /** Tasks queued or running, over all lanes. */
    public int pending() {
        int[] n = {0};
        for (String key : lanes.keySet()) {
            lanes.computeIfPresent(key, (k, q) -> {
                n[0] += q.size();
                return q;
            });
        }
        return n[0];
    }

    /** Stops taking tasks and waits up to {@code waitMillis} for the queued ones to finish. */
    public void shutdown(long waitMillis) {
        long end = System.currentTimeMillis() + waitMillis;
        while (!lanes.isEmpty() && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(Math.max(0, end - System.currentTimeMillis()) + 100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(0);
    }
}
