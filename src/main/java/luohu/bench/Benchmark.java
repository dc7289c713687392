package luohu.bench;

import luohu.Assistant;
import luohu.dialog.DialogFiles;
import luohu.nlu.Normalizer;
import luohu.nlu.Segmenter;
import luohu.policy.Clause;
import luohu.policy.PolicyDocument;
import luohu.policy.PolicyModel;
import luohu.store.CachedStore;
import luohu.store.SqliteStore;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Plays many chats against one assistant with durable sessions, as users load it: every chat's first turn, then
 * every chat's second turn, and so on, so that all sessions are open at once. Measures latency per kind of turn,
 * throughput, heap per open session and the cache's hit ratio.
 */
final class Benchmark {
    private final PolicyModel model;
    private final DialogFiles dialogs;
    private final Workload workload = Workload.load();
    /** Bytes allocated by the calling thread: what a turn allocates, measured on the thread that runs it. */
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final int threads;
    /** The store of one run, given a scratch folder; null for SQLite in that folder, as in production. */
    private final java.util.function.Function<Path, luohu.store.SessionStore> stores;

    Benchmark(PolicyModel model, DialogFiles dialogs, int threads) {
        this(model, dialogs, threads, null);
    }

    Benchmark(PolicyModel model, DialogFiles dialogs, int threads, java.util.function.Function<Path, luohu.store.SessionStore> stores) {
        this.model = model;
        this.dialogs = dialogs;
        this.threads = threads;
        this.stores = stores;
    }

    /** The figures of one run. */
    record Figures(int sessions, int turns, double seconds, Latencies interview, Latencies cachedGeneral,
                   Latencies uncachedGeneral, double heapPerSession, double hitRatio, double openMillis,
                   double bytesPerTurn) {
        double turnsPerSecond() {
            return turns / seconds;
        }
    }

    Figures run(int chats, long seed) throws Exception {
        Path data = Files.createTempDirectory("luohu-bench");
        luohu.store.SessionStore store = stores != null ? stores.apply(data)
                : new CachedStore(SqliteStore.open(data, Duration.ofDays(30), Clock.systemUTC()), 200_000);
        try (Assistant assistant = counted(new Assistant(model, dialogs, store, Clock.systemUTC()), store, data)) {
            Random random = new Random(seed);
            // chats of their own in every run: a database named with --store outlives the run, and a run must not
            // continue the conversations of an earlier one
            String run = "bench-" + seed + "-" + Long.toString(System.nanoTime(), 36);
            List<List<String>> scripts = new ArrayList<>(chats);
            for (int i = 0; i < chats; i++) scripts.add(workload.script(random));
            int rounds = scripts.stream().mapToInt(List::size).max().orElse(0);
            Latencies interview = new Latencies(), cached = new Latencies(), uncached = new Latencies();
            AtomicInteger turns = new AtomicInteger();
            java.util.concurrent.atomic.LongAdder allocated = new java.util.concurrent.atomic.LongAdder();
            long heapBefore = usedHeap();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            double openMillis;
            long t0;
            try {
                // the chats are open before the clock starts: a chat's stored key is derived once, with a slow keyed
                // hash on purpose (see ChatKeys), which is the cost of a new chat, not of a turn; it is reported apart
                long o0 = System.nanoTime();
                List<Future<?>> opening = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    final int first = w;
                    opening.add(pool.submit(() -> {
                        for (int c = first; c < chats; c += threads) store.load(run + "-" + c);
                    }));
                }
                for (Future<?> f : opening) f.get();
                openMillis = (System.nanoTime() - o0) / 1e6 * threads / chats;
                t0 = System.nanoTime();
                for (int r = 0; r < rounds; r++) {
                    final int round = r;
                    List<Future<?>> work = new ArrayList<>();
                    int slice = Math.max(1, chats / (threads * 8));
                    for (int from = 0; from < chats; from += slice) {
                        final int start = from, end = Math.min(chats, from + slice);
                        work.add(pool.submit(() -> {
                            for (int c = start; c < end; c++) {
                                List<String> script = scripts.get(c);
                                if (round >= script.size()) continue;
                                String text = script.get(round);
                                long a0 = THREADS.getCurrentThreadAllocatedBytes();
                                long h0 = luohu.answer.AnswerCache.hitsOnThisThread();
                                long s = System.nanoTime();
                                assistant.reply(run + "-" + c, text);
                                long took = System.nanoTime() - s;
                                allocated.add(THREADS.getCurrentThreadAllocatedBytes() - a0);
                                turns.incrementAndGet();
                                // a general question is cached when its answer came from the answer cache: one that
                                // states the asker's own facts is worked out every time, however often it is asked
                                if (!workload.isGeneral(text)) interview.add(took);
                                else if (luohu.answer.AnswerCache.hitsOnThisThread() > h0) cached.add(took);
                                else uncached.add(took);
                            }
                        }));
                    }
                    for (Future<?> f : work) f.get();
                }
            } finally {
                pool.shutdown();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double heapPerSession = Math.max(0, usedHeap() - heapBefore) / (double) chats;
            return new Figures(chats, turns.get(), seconds, interview, cached, uncached, heapPerSession,
                    assistant.cache().hitRatio(), openMillis, allocated.sum() / (double) Math.max(1, turns.get()));
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The report's counters kept as in production: in the sessions' database (SQLite in the run's folder, or the
     * shared database), so that a turn pays for counting what was asked.
     */
    private static Assistant counted(Assistant assistant, luohu.store.SessionStore store, Path data) {
        luohu.store.AskCounters shared = store.sharedAskCounters();
        return assistant.withCounters(shared != null ? shared : new luohu.store.BufferedAskCounters(
                luohu.store.SqliteAskCounters.open(data.resolve(SqliteStore.FILE))));
    }

    /** Characters per second through normalisation and segmentation, over the text of every clause. */
    double segmentationThroughput(Segmenter segmenter) {
        List<String> texts = new ArrayList<>();
        for (PolicyDocument d : model.documents()) for (Clause c : d.clauses().values()) texts.add(Normalizer.normalise(c.text()));
        long chars = 0;
        long t0 = System.nanoTime(), until = t0 + 1_000_000_000L;
        while (System.nanoTime() < until) {
            for (String t : texts) {
                segmenter.segment(t);
                chars += t.length();
            }
        }
        return chars / ((System.nanoTime() - t0) / 1e9);
    }

    /** The floor of a turn (see {@link Floor}) for this benchmark's messages, as its chats say them. */
    Floor.Figures floor(Assistant probe, luohu.store.SessionStore probeStore, long seed) throws Exception {
        Random random = new Random(seed);
        List<String> messages = new ArrayList<>();
        while (messages.size() < 2000) for (String m : workload.script(random)) messages.add(Normalizer.normalise(m));
        return new Floor(probe.machine().understander().segmenter(), messages, sessionRow(probe, probeStore), threads).measure();
    }

    /** The stored form of the session of the workload's longest conversation. */
    private String sessionRow(Assistant probe, luohu.store.SessionStore store) {
        List<String> longest = workload.conversations().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
        String chat = "floor-row";
        for (String text : longest) probe.reply(chat, text);
        return luohu.store.SessionCodec.encode(store.load(chat).orElseThrow());
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
