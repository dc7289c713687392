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

    /**
     * Stores the session to be kept for {@code ttl} from its last turn instead of the store's own time to live (the
     * web console's short-lived chats). Stores that keep one time to live for all ignore it.
     */
    default void save(Session session, java.time.Duration ttl) {
        save(session);
    }

    /**
     * Runs {@code work} holding the chat's lock, so that the turns of one chat run one at a time in every process
     * sharing the store; loads, saves and deletes of that chat inside it are one unit, committed when it returns.
     */
    default <T> T locked(String chatId, java.util.function.Supplier<T> work) {
        return work.get();
    }

    /** The update ids claimed by the processes sharing this store (the Telegram bot's journal). */
    default Claims claims() {
        throw new UnsupportedOperationException("this store keeps no claims");
    }

    /**
     * Pre-check codes kept in this store's own database, shared by every process using it (PostgreSQL), or null
     * when they are kept apart (SQLite's file, memory).
     */
    default PrecheckCodes sharedPrecheckCodes() {
        return null;
    }

    /** The report's counters kept in this store's own database, as {@link #sharedPrecheckCodes()}. */
    default AskCounters sharedAskCounters() {
        return null;
    }

    /** Whether the store answers now (for /healthz); a store in this process always does. */
    default boolean reachable() {
        return true;
    }

    /** What the store is, for messages and metrics: its URL without any password. */
    default String describe() {
        return getClass().getSimpleName();
    }

    /** A stable pseudonym for a chat, for keys and logs: never the chat id itself. */
    default String chatKey(String chatId) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(md.digest(idBytes(chatId)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A chat id as bytes, one to one: UTF-8 for well-formed text; text with a lone surrogate (which UTF-8 would turn
     * into '?', so that two ids collide) as its UTF-16 code units after a 0xFF byte, which UTF-8 never contains.
     */
    static byte[] idBytes(String chatId) {
        java.nio.charset.CharsetEncoder enc = java.nio.charset.StandardCharsets.UTF_8.newEncoder();
        try {
            java.nio.ByteBuffer b = enc.encode(java.nio.CharBuffer.wrap(chatId));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (java.nio.charset.CharacterCodingException malformed) {
            byte[] out = new byte[1 + 2 * chatId.length()];
            out[0] = (byte) 0xFF;
            for (int i = 0; i < chatId.length(); i++) {
                out[1 + 2 * i] = (byte) (chatId.charAt(i) >> 8);
                out[2 + 2 * i] = (byte) chatId.charAt(i);
            }
            return out;
        }
    }

    @Override
    default void close() {
    }
}
