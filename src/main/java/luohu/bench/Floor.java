package luohu.bench;

import luohu.nlu.Segmenter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The unavoidable work of a turn, measured in the same run and on the same machine as the benchmark: segmenting the
 * message with HanLP (as the assistant does) and one durable SQLite commit of a session-sized row. The turns of the
 * floor do only that, on as many threads as the benchmark, so today's figures can be read as a ratio to it.
 */
final class Floor {
    /** Each measured round lasts about this long. */
    static final long ROUND_NANOS = 200_000_000L;

    /**
     * @param segmentNanos   one message segmented
     * @param commitNanos    one row in a commit of its own
     * @param groupRowNanos  one row when {@link #GROUP} rows share a commit
     * @param perTurn        turns/s and p99 with a commit per turn
     * @param grouped        turns/s and p99 with the rows of the turns waiting at that moment in one commit
     */
    record Figures(double segmentNanos, double commitNanos, double groupRowNanos, double messageChars, int rowChars,
                   Turns perTurn, Turns grouped) {
    }

    /** Throughput and 99th-percentile latency of the floor's turns. */
    record Turns(double turnsPerSecond, double p99Nanos) {
    }

    static final int GROUP = 16;

    private final Segmenter segmenter;
    private final List<String> messages;
    private final String row;
    private final int threads;

    /**
     * @param messages the benchmark's messages, normalised, as its chats say them
     * @param row      a stored session of a finished conversation
     */
    Floor(Segmenter segmenter, List<String> messages, String row, int threads) {
        this.segmenter = segmenter;
        this.messages = messages;
        this.row = row;
        this.threads = threads;
    }

    Figures measure() throws Exception {
        double segment = Steady.nanosPerCall(ROUND_NANOS / 2, new Counter() {
            int i;

            @Override
            int once() {
                segmenter.segment(messages.get(i++ % messages.size()));
                return 1;
            }
        });
        try (FloorDatabase db = new FloorDatabase(row)) {
            double commit = Steady.nanosPerCall(ROUND_NANOS / 2, new Counter() {
                int chat;

                @Override
                int once() throws Exception {
                    db.commitAlone(chat++);
                    return 1;
                }
            });
            double groupRow = Steady.nanosPerCall(ROUND_NANOS / 2, new Counter() {
                final List<Integer> chats = new ArrayList<>(Arrays.asList(new Integer[GROUP]));
                int chat;

                @Override
                int once() throws Exception {
                    for (int k = 0; k < GROUP; k++) chats.set(k, chat++);
                    db.commitTogether(chats);
                    return GROUP;
                }
            });
            Turns perTurn = turns(db::commitAlone);
            Turns grouped;
            try (GroupWriter writer = new GroupWriter(db)) {
                grouped = turns(writer::commit);
            }
            double chars = messages.stream().mapToInt(String::length).average().orElse(0);
            return new Figures(segment, commit, groupRow, chars, row.length(), perTurn, grouped);
        }
    }

    /** What a floor turn does after segmenting: its row made durable. */
    private interface Commit {
        void commit(int chat) throws Exception;
    }

    /** Floor turns on the benchmark's number of threads: medians of throughput and p99 over settled rounds. */
    private Turns turns(Commit commit) {
        double[] m = Steady.medians(() -> {
            try {
                return round(commit);
            } catch (Exception e) {
                throw new IllegalStateException("the floor's turns failed: " + e.getMessage(), e);
            }
        });
        return new Turns(m[0], m[1]);
    }

    private double[] round(Commit commit) throws Exception {
        long[][] took = new long[threads][];
        int[] counts = new int[threads];
        Exception[] failed = new Exception[1];
        CountDownLatch start = new CountDownLatch(1), end = new CountDownLatch(threads);
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            final int me = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[4096];
                int n = 0, chat = me * (FloorDatabase.CHATS / threads);
                try {
                    start.await();
                    long until = window[1];
                    for (long now = System.nanoTime(); now < until; ) {
                        segmenter.segment(messages.get((me * 31 + n) % messages.size()));
                        commit.commit(chat++);
                        long after = System.nanoTime();
                        if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                        mine[n++] = after - now;
                        now = after;
                    }
                } catch (Exception e) {
                    synchronized (failed) {
                        failed[0] = e;
                    }
                } finally {
                    took[me] = mine;
                    counts[me] = n;
                    end.countDown();
                }
            }, "floor-turn-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + ROUND_NANOS;
        start.countDown();
        end.await();
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        synchronized (failed) {
            if (failed[0] != null) throw failed[0];
        }
        Latencies all = new Latencies();
        int turns = 0;
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < counts[t]; i++) all.add(took[t][i]);
            turns += counts[t];
        }
        return new double[]{turns / seconds, all.percentile(99)};
    }

    /** Work timed by {@link Steady#nanosPerCall}; returns how many units it did. */
    private abstract static class Counter implements java.util.function.Supplier<Integer> {
        abstract int once() throws Exception;

        @Override
        public Integer get() {
            try {
                return once();
            } catch (Exception e) {
                throw new IllegalStateException("the floor's measurement failed: " + e.getMessage(), e);
            }
        }
    }
}
