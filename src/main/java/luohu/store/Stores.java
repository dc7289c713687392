package luohu.store;

import com.github.benmanes.caffeine.cache.Ticker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Opens the store a {@link StoreUrl} names. */
public final class Stores {
    private Stores() {
    }

    /**
     * SQLite behind a cache of recent sessions (one process owns the file); PostgreSQL without one, since other
     * instances change its rows; memory, bounded.
     *
     * @param dataDir where the key file is kept when no secret is given (SQLite keeps it beside its file)
     */
    public static SessionStore open(StoreUrl url, Path dataDir, Duration ttl, String secret) {
        Clock clock = Clock.systemDefaultZone();
        SessionStore store = switch (url.kind()) {
            case MEMORY -> new MemoryStore(MemoryStore.DEFAULT_MAX, ttl, Ticker.systemTicker());
            case SQLITE -> new CachedStore(SqliteStore.openFile(url.file(), ttl, clock, secret), 200_000);
            case POSTGRESQL -> PostgresStore.open(url, dataDir, ttl, clock, secret);
        };
        return new MeteredStore(store, url.kind().name().toLowerCase(java.util.Locale.ROOT));
    }
}
