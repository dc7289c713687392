package luohu.store;

import luohu.dialog.Session;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A view of a store whose sessions are kept for a shorter time than the store's own (the web console's chats, two
 * hours idle), in the same database as the others.
 */
public final class ShortLivedStore implements SessionStore {
    private final SessionStore store;
    private final Duration ttl;

    public ShortLivedStore(SessionStore store, Duration ttl) {
        this.store = store;
        this.ttl = ttl;
    }

    @Override
    public Optional<Session> load(String chatId) {
        return store.load(chatId);
    }

    @Override
    public void save(Session session) {
        store.save(session, ttl);
    }

    @Override
    public void delete(String chatId) {
        store.delete(chatId);
    }

    @Override
    public <T> T locked(String chatId, Supplier<T> work) {
        return store.locked(chatId, work);
    }

    @Override
    public String chatKey(String chatId) {
        return store.chatKey(chatId);
    }

    @Override
    public boolean reachable() {
        return store.reachable();
    }

    @Override
    public PrecheckCodes sharedPrecheckCodes() {
        return store.sharedPrecheckCodes();
    }

    @Override
    public AskCounters sharedAskCounters() {
        return store.sharedAskCounters();
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public void close() {
        store.close();
    }
}
