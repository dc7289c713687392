package luohu.store;

/**
 * A stored session that cannot be read back (a damaged or foreign row). The database itself is sound: the chat
 * should start over, and deleting the row must still work.
 */
public final class DamagedSessionException extends RuntimeException {
    public DamagedSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
