package luohu.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import java.util.function.Supplier;

/**
 * Frequent general questions, answered once: keyed by the policy version, the place and the normalised question.
 * A new policy version makes every earlier key unreachable, and {@link #invalidate()} drops them at once.
 */
public final class AnswerCache {
    private final Cache<String, String> cache;

    public AnswerCache(long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    }

    public String get(String policyVersion, String place, String normalisedQuestion, Supplier<String> compute) {
        return cache.get(policyVersion + "\u0001" + place + "\u0001" + normalisedQuestion, k -> compute.get());
    }

    public CacheStats stats() {
        return cache.stats();
    }

    public void invalidate() {
        cache.invalidateAll();
    }
}
