package luohu.store;

import luohu.dialog.Session;

import java.util.Optional;

/** Where conversations are kept between messages. Implementations are safe for use from many threads. */
public interface SessionStore extends AutoCloseable {
    /**
     * The chat's session, or empty when none is stored.
     *
     * @throws DamagedSessionException when a session is stored but cannot be read; {@link #delete} still works
     */
    Optional<Session> load(String chatId);

    /** Stores the session; when this returns, the turn is durable as far as the store promises. */
    void save(Session session);

    void delete(String chatId);

    /** A stable pseudonym for a chat, for keys and logs: never the chat id itself. */
    default String chatKey(String chatId) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(md.digest(chatId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    default void close() {
    }
}
