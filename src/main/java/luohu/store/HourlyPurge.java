package luohu.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Expiry of idle sessions, run from the reading path at most once an hour: a store needs no timer thread, and a
 * failed expiry is only logged, since reading goes on and expiry is tried again an hour later.
 */
final class HourlyPurge {
    private static final Logger LOG = LoggerFactory.getLogger(HourlyPurge.class);
    private static final long EVERY = Duration.ofHours(1).toMillis();
    private final Clock clock;
    private volatile long last;

    HourlyPurge(Clock clock) {
        this.clock = clock;
    }

    /** Notes that a purge starts now and returns the time it expires against. */
    long starting() {
        last = clock.millis();
        return last;
    }

    /** Runs {@code purge} when the last one started more than an hour ago. */
    void maybe(IntSupplier purge) {
        if (clock.millis() - last <= EVERY) return;
        try {
            purge.getAsInt();
        } catch (StoreException e) {
            LOG.warn("{}", e.getMessage());
        }
    }
}
