package luohu.store;

import luohu.dialog.Session;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** A store that hands every call to another: decorators override only what they change. */
abstract class ForwardingStore implements SessionStore {
    protected final SessionStore store;

    protected ForwardingStore(SessionStore store) {
        this.store = store;
    }

    @Override
    public Optional<Session> load(String chatId) {
        return store.load(chatId);
    }

    @Override
    public void save(Session session) {
        store.save(session);
    }

    @Override
    public void save(Session session, Duration ttl) {
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
    public Claims claims() {
        return store.claims();
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
