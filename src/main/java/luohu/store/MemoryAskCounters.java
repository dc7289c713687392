package luohu.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters in memory, for --memory and the tests. */
public final class MemoryAskCounters implements AskCounters {
    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void add(String document, String week, String key, long n) {
        counts.computeIfAbsent(new Key(document, week, key), k -> new LongAdder()).add(n);
    }

    @Override
    public List<Count> all() {
        return counts.entrySet().stream().map(e -> e.getKey().count(e.getValue().sum()))
                .sorted(Comparator.comparing(Count::document).thenComparing(Count::week).thenComparing(Count::key)).toList();
    }
}
