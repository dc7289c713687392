package luohu.store;

import luohu.policy.Facts;

import java.util.Optional;

/**
 * Where pre-check codes (预审码) are kept: each under the hash of the code (never the code itself), with the snapshot
 * it shares — the place, the facts as the person stated them, the pathway chosen — the chat it was issued to (by
 * the session store's pseudonym, so that /forget finds it) and its expiry. Implementations are thread-safe.
 */
public interface PrecheckCodes extends AutoCloseable {
    /**
     * What a code shares, and when it was issued and expires (epoch milliseconds).
     *
     * @param pathway the id of the pathway whose checklist the sheet carries, or null when none was chosen
     */
    record Entry(String place, Facts facts, String pathway, long issued, long expires) {
        public Entry {
            facts = facts == null ? Facts.EMPTY : facts;
        }
    }

    /** Stores a code's snapshot under the code's hash; {@code chatKey} is the pseudonym of the chat it was issued to. */
    void put(String codeHash, String chatKey, Entry entry);

    /** The snapshot of a code that has not expired at {@code now}; an expired one is deleted and not returned. */
    Optional<Entry> open(String codeHash, long now);

    /** Deletes every code issued to a chat; how many. */
    int deleteChat(String chatKey);

    /** Deletes every code expired at {@code now}; how many. */
    int purgeExpired(long now);

    @Override
    default void close() {
    }
}
