package luohu.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import luohu.dialog.Session;

import java.time.Duration;
import java.util.Optional;

/**
 * Sessions in memory only (--memory, tests, the benchmark's baseline): bounded in number, the least recently used
 * dropped first, and each deleted once idle for longer than the time to live, as the database does.
 */
public final class MemoryStore implements SessionStore {
    /** The most sessions kept by default. */
    public static final long DEFAULT_MAX = 200_000;
    private final Cache<String, Session> sessions;
    private final LocalChatLocks locks = new LocalChatLocks();
    private final Claims claims = new MemoryClaims(100_000);

    /** At most {@link #DEFAULT_MAX} sessions, each kept 30 days from its last use. */
    public MemoryStore() {
        this(DEFAULT_MAX, Duration.ofDays(30), Ticker.systemTicker());
    }

    public MemoryStore(long maximumSessions, Duration ttl, Ticker ticker) {
        this.sessions = Caffeine.newBuilder().maximumSize(maximumSessions).expireAfterAccess(ttl).ticker(ticker)
                .executor(Runnable::run).build();
    }

    @Override
    public Optional<Session> load(String chatId) {
        return Optional.ofNullable(sessions.getIfPresent(chatId));
    }

    @Override
    public void save(Session session) {
        sessions.put(session.chatId(), session);
    }

    @Override
    public void delete(String chatId) {
        sessions.invalidate(chatId);
    }

    @Override
    public <T> T locked(String chatId, java.util.function.Supplier<T> work) {
        return locks.locked(chatId, work);
    }

    @Override
    public Claims claims() {
        return claims;
    }

    @Override
    public String describe() {
        return "memory:";
    }

    public int size() {
        sessions.cleanUp();
        return (int) sessions.estimatedSize();
    }
}
