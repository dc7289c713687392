package luohu.channel.telegram;

/**
 * Which updates have been taken on, so that none is answered twice: Telegram may deliver an update again after a
 * crash or restart, because the long-polling offset only moves on with the next request. Implementations are safe
 * for use from many threads.
 */
public interface UpdateJournal extends AutoCloseable {
    /**
     * Records an update id; true the first time the id is seen (go on and handle it), false when it was claimed
     * before (drop it). An implementation that cannot record the id throws; the caller then decides.
     */
    boolean claim(long updateId);

    @Override
    default void close() {
    }
}
