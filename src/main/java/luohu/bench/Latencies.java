package luohu.bench;

import java.util.Arrays;

/** Latencies of one kind of turn, in nanoseconds, with percentiles. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile (0..100) in nanoseconds; 0 when empty. */
    synchronized long percentile(double p) {
        if (size == 0) return 0;
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, i))];
    }

    long max() {
        return percentile(100);
    }
}
