package luohu.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Frequent general questions, answered once: keyed by the policy version, the place and the normalised question.
 * A new policy version makes every earlier key unreachable, and {@link #invalidate()} drops them at once.
 *
 * @param <V> what is kept for a question
 */
public final class AnswerCache<V> {
    private final Cache<String, V> cache;

    // counted by hand: a probe for a message that turns out not to be a general question is neither hit nor miss
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** Hits counted on each thread as well: whoever times one turn can tell an answer kept from one computed. */
    private static final ThreadLocal<long[]> HITS_HERE = ThreadLocal.withInitial(() -> new long[1]);

    public AnswerCache(long maximumSize) {
        // upkeep on the caller: no hop to another thread per turn
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
    }

    /** The answer to a general question, computed on the first asking only. */
    public V get(String policyVersion, String place, String normalisedQuestion, Supplier<V> compute) {
        boolean[] computed = {false};
        V v = cache.get(key(policyVersion, place, normalisedQuestion), k -> {
            computed[0] = true;
            return compute.get();
        });
        if (computed[0]) misses.increment();
        else hit();
        return v;
    }

    /** The answer kept for a message, or null when it is not a general question already answered. */
    public V find(String policyVersion, String place, String normalisedQuestion) {
        V v = cache.getIfPresent(key(policyVersion, place, normalisedQuestion));
        if (v != null) hit();
        return v;
    }

    private void hit() {
        hits.increment();
        HITS_HERE.get()[0]++;
    }

    /** Hits of every cache on the calling thread so far. */
    public static long hitsOnThisThread() {
        return HITS_HERE.get()[0];
    }

    /** Share of general questions answered from the cache. */
    public double hitRatio() {
        long h = hits.sum(), m = misses.sum();
        return h + m == 0 ? 0 : (double) h / (h + m);
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    private static String key(String policyVersion, String place, String question) {
        return policyVersion + "\u0001" + (place == null ? "-" : place) + "\u0001" + question;
    }

    public void invalidate() {
        cache.invalidateAll();
        hits.reset();
        misses.reset();
    }
}
