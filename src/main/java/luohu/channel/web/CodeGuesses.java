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
    private final Cache<String, Bucket> wrong = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    CodeGuesses(int perMinute, LongSupplier nanos) {
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    boolean mayTry(String client) {
        Bucket b = wrong.getIfPresent(client);
        return b == null || b.available(nanos.getAsLong());
    }

    void wrong(String client) {
        wrong.get(client, k -> new Bucket(perMinute, perMinute / 60e9, nanos.getAsLong())).take(nanos.getAsLong());
    }

    /** A token bucket: {@code capacity} tries, coming back at {@code perNano}. */
    private static final class Bucket {
        private final double capacity, perNano;
        private double tokens;
        private long at;

        Bucket(double capacity, double perNano, long now) {
            this.capacity = capacity;
            this.perNano = perNano;
            this.tokens = capacity;
            this.at = now;
        }

        synchronized boolean available(long now) {
            return Math.min(capacity, tokens + Math.max(0, now - at) * perNano) >= 1;
        }

        synchronized void take(long now) {
            tokens = Math.max(0, Math.min(capacity, tokens + Math.max(0, now - at) * perNano) - 1);
            at = now;
        }
    }
}
