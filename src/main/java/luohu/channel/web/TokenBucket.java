package luohu.channel.web;

/** A token bucket: {@code capacity} tokens, refilled at {@code perNano} tokens a nanosecond. */
final class TokenBucket {
    private final double capacity, perNano;
    private double tokens;
    private long at;

    TokenBucket(double capacity, double perNano, long now) {
        this.capacity = capacity;
        this.perNano = perNano;
        this.tokens = capacity;
        this.at = now;
    }

    /** Whether a token is there now, without taking it. */
    synchronized boolean available(long now) {
        return Math.min(capacity, tokens + Math.max(0, now - at) * perNano) >= 1;
    }

    /** Takes a token; false when none is left. */
    synchronized boolean take(long now) {
        tokens = Math.min(capacity, tokens + Math.max(0, now - at) * perNano);
        at = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
