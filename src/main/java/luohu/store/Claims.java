package luohu.store;

/**
 * Ids taken on once across every process sharing a store: a Telegram update is claimed under a unique key before it
 * is handled, and marked done once it was. An id claimed by a process that has since died (killed mid-way) can be
 * claimed again, so that nothing taken on is lost; an id another live process is handling is busy.
 */
public interface Claims {
    /** What became of a claim. */
    enum Outcome {
        /** Yours now: handle it, then call {@link #done}. */
        TAKEN,
        /** Handled before: drop it. */
        DONE,
        /** Another live process is handling it right now. */
        BUSY
    }

    /** Claims {@code id} within {@code scope} (e.g. one bot's updates). */
    Outcome claim(String scope, long id);

    /** Marks a claimed id handled. */
    void done(String scope, long id);
}
