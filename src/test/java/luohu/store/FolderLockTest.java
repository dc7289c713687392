package luohu.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One data folder, one process: a second is refused with one line, and the database is not touched by it. */
class FolderLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondStoreOnTheSameFolderIsRefusedUntilTheFirstCloses() {
        try (SqliteStore first = SqliteStore.open(dir, Duration.ofDays(30), Clock.systemUTC())) {
            StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(dir, Duration.ofDays(30), Clock.systemUTC()));
            assertTrue(e.getMessage().contains("in use by another luohu process"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            // the refused attempt did not take the first one's lock away
            assertThrows(StoreException.class, () -> SqliteStore.open(dir, Duration.ofDays(30), Clock.systemUTC()));
        }
        SqliteStore.open(dir, Duration.ofDays(30), Clock.systemUTC()).close();
    }

    @Test
    void aSecondProcessIsRefusedWithOneLineAndExitCodeTwo() throws Exception {
        Path data = dir.resolve("data");
        try (SqliteStore held = SqliteStore.open(data, Duration.ofDays(30), Clock.systemUTC())) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "luohu.Main",
                    "chat", "--jsonl", "--data", data.toString()).start();
            p.getOutputStream().close();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), err + out);
            assertEquals(1, err.strip().lines().count(), err);
            assertTrue(err.contains("in use by another luohu process (pid " + ProcessHandle.current().pid() + ")"), "[" + err + "]");
            assertTrue(out.isEmpty(), "[" + out + "]");
            held.save(luohu.dialog.Session.start("still-mine").touched(System.currentTimeMillis(), "greet", "greet"));
            assertTrue(held.load("still-mine").isPresent());
        }
    }
}
