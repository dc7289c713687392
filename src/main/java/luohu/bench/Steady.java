package luohu.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Repeats a measurement until it has settled (the JIT done with it, caches warm), then takes the median of several
 * more: a count of warm-up rounds fixed in advance is too short on one machine and wasted on another.
 */
final class Steady {
    /** Successive rounds within this share of each other count as settled. */
    static final double SETTLED = 0.05;
    static final int MIN_WARMUP = 3, MAX_WARMUP = 30, MEASURED = 5;

    private Steady() {
    }

    /** One round's figures: the first one decides when the rounds have settled. */
    interface Round {
        double[] figures();
    }

    /** The median of each figure over {@link #MEASURED} rounds, after the first figure has settled. */
    static double[] medians(Round round) {
        double previous = Double.NaN;
        int settledInARow = 0;
        for (int i = 0; i < MAX_WARMUP && (i < MIN_WARMUP || settledInARow < 2); i++) {
            double now = round.figures()[0];
            settledInARow = Math.abs(now - previous) <= SETTLED * Math.max(Math.abs(now), Math.abs(previous)) ? settledInARow + 1 : 0;
            previous = now;
        }
        double[][] runs = new double[MEASURED][];
        for (int i = 0; i < MEASURED; i++) runs[i] = round.figures();
        double[] out = new double[runs[0].length];
        for (int f = 0; f < out.length; f++) {
            double[] column = new double[MEASURED];
            for (int i = 0; i < MEASURED; i++) column[i] = runs[i][f];
            Arrays.sort(column);
            out[f] = column[MEASURED / 2];
        }
        return out;
    }

    /** The median time of one call of {@code work}, in nanoseconds, timing rounds of about {@code roundNanos}. */
    static double nanosPerCall(long roundNanos, Supplier<Integer> work) {
        return medians(() -> {
            long calls = 0, t0 = System.nanoTime(), until = t0 + roundNanos, now;
            do {
                calls += work.get();
                now = System.nanoTime();
            } while (now < until);
            return new double[]{(now - t0) / (double) calls};
        })[0];
    }
}
