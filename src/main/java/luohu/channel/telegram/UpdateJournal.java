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

    /**
     * Claims an update id: {@code TAKEN} (handle it, then call {@link #done}), {@code DONE} (answered before) or
     * {@code BUSY} (another live process is answering it now). Journals of one process know no other process.
     */
    default luohu.store.Claims.Outcome take(long updateId) {
        return claim(updateId) ? luohu.store.Claims.Outcome.TAKEN : luohu.store.Claims.Outcome.DONE;
    }

    /** The update was answered (or given up on); a journal that claims for good has nothing more to record. */
    default void done(long updateId) {
    }

    @Override
    default void close() {
    }
}
