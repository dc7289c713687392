package luohu;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.ArrayDeque;

/** At most {@code limit} messages per chat in any {@code window}; other chats are unaffected. */
final class FloodGuard {
    private final int limit;
    private final long windowMillis;
    private final Cache<String, ArrayDeque<Long>> recent;

    FloodGuard(int limit, Duration window) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.recent = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window.multipliedBy(2))
                .executor(Runnable::run).build(); // upkeep on the caller: no hop to another thread per turn
    }

    /** Records a message; false when it is one too many. Callers hold the chat's lock. */
    boolean allow(String chatId, long now) {
        ArrayDeque<Long> times = recent.get(chatId, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) times.pollFirst();
        if (times.size() >= limit) return false;
        times.addLast(now);
        return true;
    }
}
