package luohu.store;

import luohu.dialog.Session;

import java.util.Optional;

/** Where conversations are kept between messages. Implementations are safe for use from many threads. */
public interface SessionStore extends AutoCloseable {
    Optional<Session> load(String chatId);

    /** Stores the session; when this returns, the turn is durable as far as the store promises. */
    void save(Session session);

    void delete(String chatId);

    @Override
    default void close() {
    }
}
