package luohu.channel.telegram;

import java.util.LinkedHashSet;

/** Claimed update ids in memory only (tests, or a bot that may answer an update twice after a restart). */
public final class MemoryUpdateJournal implements UpdateJournal {
    private final RecentIds ids;

    public MemoryUpdateJournal() {
        this(100_000);
    }

    /** Remembers the most recent {@code capacity} ids; older ones are forgotten. */
    public MemoryUpdateJournal(int capacity) {
        this.ids = new RecentIds(capacity);
    }

    @Override
    public synchronized boolean claim(long updateId) {
        return ids.add(updateId);
    }

    /** A set of the most recently added ids, bounded: the oldest go first. Not thread-safe. */
    static final class RecentIds {
        private final int capacity;
        private final LinkedHashSet<Long> ids = new LinkedHashSet<>();

        RecentIds(int capacity) {
            if (capacity < 1) throw new IllegalArgumentException("capacity must be positive, got " + capacity);
            this.capacity = capacity;
        }

        boolean add(long id) {
            if (!ids.add(id)) return false;
            if (ids.size() > capacity) {
                var it = ids.iterator();
                it.next();
                it.remove();
            }
            return true;
        }

        int size() {
            return ids.size();
        }

        Iterable<Long> inOrder() {
            return ids;
        }
    }
}
