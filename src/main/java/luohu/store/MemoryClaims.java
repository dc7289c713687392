package luohu.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** Claims of one process, in memory: the most recent {@code capacity} ids are remembered. */
final class MemoryClaims implements Claims {
    private final int capacity;
    private final LinkedHashMap<String, Boolean> done = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
        }
    };

    MemoryClaims(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized Outcome claim(String scope, long id) {
        Boolean finished = done.putIfAbsent(scope + ":" + id, false);
        if (finished == null) return Outcome.TAKEN;
        return finished ? Outcome.DONE : Outcome.BUSY;
    }

    @Override
    public synchronized void done(String scope, long id) {
        done.put(scope + ":" + id, true);
    }
}
