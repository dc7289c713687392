package luohu.bench;

import luohu.TestPaths;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark runs end to end on a small load and reports every figure; its numbers are not judged here. */
class BenchCommandTest {
    @Test
    void reportsEveryFigure() {
        luohu.CommandRun run = bench("bench", "--policies", TestPaths.policies().toString(), "--dialogs", TestPaths.dialogs().toString(),
                "--chats", "60", "--scales", "30,90");
        String report = run.out() + run.err();
        assertEquals(0, run.code(), report);
        for (String figure : new String[]{"first answer after process start", "segmentation:", "turns/s", "interview p50/p95/p99/max",
                "cached general", "uncached gen.", "heap/sess.", "hits", "alloc/turn", "warm-up: ", "opening a chat: "}) {
            assertTrue(report.contains(figure), "report lacks " + figure + ":\n" + report);
        }
        long rows = report.lines().filter(l -> l.matches("\\s+(60|30|90) .*")).count();
        assertEquals(3, rows, report);
        assertTrue(report.contains("all targets met") || report.contains("MISSED: "), "the run says which targets it missed:\n" + report);
        assertFloor(report);
    }

    /** The floor's line gives positive throughputs and p99s, and every row its ratios to them. */
    private static void assertFloor(String report) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("floor: (\\d+) turns/s, p99 ([\\d.]+) ms with a commit per turn; "
                + "(\\d+) turns/s, p99 ([\\d.]+) ms with group commit").matcher(report);
        assertTrue(m.find(), "report lacks the floor:\n" + report);
        for (int g = 1; g <= 4; g++) assertTrue(Double.parseDouble(m.group(g)) > 0, "floor figure " + g + ": " + m.group());
        assertTrue(report.matches("(?s).*floor parts: segmentation [\\d.]+ µs a message .* commit [\\d.]+ µs a row alone, [\\d.]+ µs a row when .*"), report);
        assertTrue(report.contains("× floor") && report.contains("p99×floor"), report);
        report.lines().filter(l -> l.matches("\\s+(60|30|90|40|20) .*")).forEach(row -> {
            java.util.regex.Matcher r = java.util.regex.Pattern.compile("^\\s*\\d+\\s+\\d+\\s+\\d+\\s+([\\d.]+) \\|.*?([\\d.]+)× \\|").matcher(row);
            assertTrue(r.find() && Double.parseDouble(r.group(1)) > 0 && Double.parseDouble(r.group(2)) > 0, row);
        });
    }

    @Test
    void reportsEveryFigureAgainstPostgreSQL() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(luohu.store.PostgresServer.shared() != null, luohu.store.PostgresServer.whyNot());
        String url = luohu.store.PostgresServer.shared().newDatabase();
        luohu.CommandRun run = bench("bench", "--policies", TestPaths.policies().toString(), "--dialogs", TestPaths.dialogs().toString(),
                "--chats", "40", "--scales", "20", "--store", url);
        String report = run.out() + run.err();
        assertEquals(0, run.code(), report);
        assertTrue(report.contains("durable sessions (PostgreSQL postgresql://"), report);
        assertEquals(2, report.lines().filter(l -> l.matches("\\s+(40|20) .*")).count(), report);
        assertFloor(report);
        try (java.sql.Connection c = luohu.store.PostgresServer.shared().connect(url.substring(url.lastIndexOf('/') + 1));
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM luohu_sessions")) {
            assertTrue(rs.next() && rs.getInt(1) > 0, "the sessions were in PostgreSQL");
        }
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingRuns() {
        for (String[] bad : new String[][]{{"--chats", "-5"}, {"--threads", "0"}, {"--scales", "10,0"}, {"--chats", "5000000"}}) {
            luohu.CommandRun run = bench(java.util.stream.Stream.concat(java.util.stream.Stream.of("bench"), java.util.Arrays.stream(bad)).toArray(String[]::new));
            String e = run.err();
            assertEquals(2, run.code(), String.join(" ", bad));
            assertEquals(1, e.strip().lines().count(), e);
            assertTrue(e.startsWith("luohu: bench: " + bad[0]), e);
            assertEquals("", run.out(), "nothing ran");
        }
    }

    private static luohu.CommandRun bench(String... args) {
        return luohu.CommandRun.of(args);
    }
}
