package luohu.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BufferedAskCountersTest {
    @TempDir
    Path dir;

    @Test
    void countsReachTheDatabaseWhenReadAndWhenClosed() {
        Path file = dir.resolve(SqliteStore.FILE);
        BufferedAskCounters counters = new BufferedAskCounters(SqliteAskCounters.open(file));
        counters.add("chifeng", "2026-W48", "asks", 1);
        counters.add("chifeng", "2026-W48", "asks", 1);
        counters.add("tieling", "2026-W48", "ask:materials", 1);
        assertEquals(List.of(new AskCounters.Count("chifeng", "2026-W48", "asks", 2),
                new AskCounters.Count("tieling", "2026-W48", "ask:materials", 1)), counters.all());
        counters.add("chifeng", "2026-W48", "asks", 3);
        counters.close();
        try (SqliteAskCounters again = SqliteAskCounters.open(file)) {
            assertEquals(List.of(new AskCounters.Count("chifeng", "2026-W48", "asks", 5),
                    new AskCounters.Count("tieling", "2026-W48", "ask:materials", 1)), again.all());
        }
    }

    @Test
    void countsThatCouldNotBeWrittenAreWrittenNextTime() {
        List<AskCounters.Count> written = new ArrayList<>();
        boolean[] failing = {true};
        AskCounters durable = new AskCounters() {
            @Override
            public void add(String document, String week, String key, long n) {
                if (failing[0]) throw new StoreException("disk full", null);
                written.add(new Count(document, week, key, n));
            }

            @Override
            public List<Count> all() {
                return List.copyOf(written);
            }
        };
        BufferedAskCounters counters = new BufferedAskCounters(durable);
        counters.add("xinjiang", "2026-W48", "asks", 2);
        assertThrows(StoreException.class, counters::flush);
        failing[0] = false;
        counters.add("xinjiang", "2026-W48", "asks", 1);
        assertEquals(List.of(new AskCounters.Count("xinjiang", "2026-W48", "asks", 3)), counters.all());
        counters.close();
    }
}
