package luohu.store;

import luohu.dialog.Session;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in memory only: for tests and the benchmark's baseline. */
public final class MemoryStore implements SessionStore {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<Session> load(String chatId) {
        return Optional.ofNullable(sessions.get(chatId));
    }

    @Override
    public void save(Session session) {
        sessions.put(session.chatId(), session);
    }

    @Override
    public void delete(String chatId) {
        sessions.remove(chatId);
    }

    public int size() {
        return sessions.size();
    }
}
