package luohu.store;

import luohu.dialog.Session;

import java.time.Duration;

/**
 * A view of a store whose sessions are kept for a shorter time than the store's own (the web console's chats, two
 * hours idle), in the same database as the others.
 */
public final class ShortLivedStore extends ForwardingStore {
    private final Duration ttl;

    public ShortLivedStore(SessionStore store, Duration ttl) {
        super(store);
        this.ttl = ttl;
    }

    @Override
    public void save(Session session) {
        store.save(session, ttl);
    }
}
