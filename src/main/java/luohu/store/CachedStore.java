package luohu.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import luohu.dialog.Session;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps recently used sessions in memory in front of a durable store. A save that changes the conversation (state,
 * place, facts, pending question, questions declined) is written through before it returns; one that only counts a
 * turn (a general question answered, nothing else moved) is written through at most once an hour, so that idle
 * expiry stays right without a database write per repeated question.
 */
public final class CachedStore extends ForwardingStore {
    private static final long REFRESH_MILLIS = Duration.ofHours(1).toMillis();
    private final Cache<String, Entry> cache;

    /** A session and when the durable copy was last written. */
    private record Entry(Session session, long written) {
    }

    public CachedStore(SessionStore durable, long maximumSessions) {
        super(durable);
        this.cache = Caffeine.newBuilder().maximumSize(maximumSessions).expireAfterAccess(Duration.ofHours(1))
                .executor(Runnable::run).build(); // upkeep on the caller: no hop to another thread per turn
    }

    @Override
    public Optional<Session> load(String chatId) {
        Entry e = cache.getIfPresent(chatId);
        if (e != null) return Optional.of(e.session());
        Optional<Session> s = store.load(chatId);
        s.ifPresent(x -> cache.put(chatId, new Entry(x, x.updated())));
        return s;
    }

    @Override
    public void save(Session session) {
        Entry before = cache.getIfPresent(session.chatId());
        // a conversation with nothing in it yet (a general question without a place) has nothing to continue
        if (before == null && blank(session)) {
            cache.put(session.chatId(), new Entry(session, 0));
            return;
        }
        if (before != null && sameConversation(before.session(), session) && session.updated() - before.written() < REFRESH_MILLIS) {
            cache.put(session.chatId(), new Entry(session, before.written()));
            return;
        }
        store.save(session);
        cache.put(session.chatId(), new Entry(session, session.updated()));
    }

    private static boolean blank(Session s) {
        return sameConversation(s, Session.start(s.chatId()));
    }

    private static boolean sameConversation(Session a, Session b) {
        return a.state().equals(b.state()) && Objects.equals(a.place(), b.place()) && a.facts().equals(b.facts())
                && Objects.equals(a.asked(), b.asked()) && a.declined().equals(b.declined());
    }

    @Override
    public void delete(String chatId) {
        cache.invalidate(chatId);
        store.delete(chatId);
    }

    @Override
    public void save(Session session, Duration ttl) {
        // short-lived chats are written through, each with its own time to live
        store.save(session, ttl);
        cache.put(session.chatId(), new Entry(session, session.updated()));
    }
}
