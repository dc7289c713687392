package luohu.store;

import java.util.List;

/**
 * Counters of what people ask, for the office's report: per document, ISO week and key (such as {@code ask:materials}
 * or {@code fallback:out_of_scope}), a number. Nothing else is kept: no chat, no text, no time finer than the week.
 */
public interface AskCounters extends AutoCloseable {
    /** One counter's value. */
    record Count(String document, String week, String key, long n) {
    }

    /** Which counter: a document, an ISO week and a key. */
    record Key(String document, String week, String key) {
        public Count count(long n) {
            return new Count(document, week, key, n);
        }
    }

    /** Adds {@code n} to a counter. */
    void add(String document, String week, String key, long n);

    /** Adds each count to its counter, together where the store can. */
    default void addAll(List<Count> counts) {
        for (Count c : counts) add(c.document(), c.week(), c.key(), c.n());
    }

    /** Every counter, by document, week and key. */
    List<Count> all();

    @Override
    default void close() {
    }
}
