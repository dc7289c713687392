package luohu.store;

/** The session database cannot be used. The message is one line naming the file and what to do. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
