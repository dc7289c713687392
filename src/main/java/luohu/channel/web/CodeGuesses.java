package luohu.channel.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wrong pre-check codes per client (its address): a handful a minute, so that codes cannot be guessed. A client out
 * of tries may not look up any code, the right one included, until a try has come back.
 */
final class CodeGuesses {
    private final int perMinute;
    private final LongSupplier nanos;
    private final Cache<String, TokenBucket> wrong = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    CodeGuesses(int perMinute, LongSupplier nanos) {
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    boolean mayTry(String client) {
        TokenBucket b = wrong.getIfPresent(client);
        return b == null || b.available(nanos.getAsLong());
    }

    void wrong(String client) {
        wrong.get(client, k -> new TokenBucket(perMinute, perMinute / 60e9, nanos.getAsLong())).take(nanos.getAsLong());
    }
}
