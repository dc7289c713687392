package luohu.store;

import luohu.Assistant;
import luohu.TestAssistants;
import luohu.dialog.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full database (SQLITE_FULL, made real with PRAGMA max_page_count, the way a full disk refuses to grow the file)
 * is recovered from as soon as there is room again, and said in one line, not a stack trace per turn.
 */
class FullDiskTest {
    @TempDir
    Path dir;

    @Test
    void savesWorkAgainOnceThereIsRoomAndTheFailureIsOneLine() throws Exception {
        SqliteStore sqlite = SqliteStore.open(dir, Duration.ofDays(30), TestAssistants.CLOCK);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (Assistant a = TestAssistants.withStore(new CachedStore(sqlite, 1000))) {
            a.reply("before", "我在赤峰租房两年了，能落户吗");
            long pages = sqlite.execute("PRAGMA page_count");
            sqlite.execute("PRAGMA max_page_count=" + pages);
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int refused = 0;
            for (int i = 0; i < 300; i++) {
                Reply r = a.reply("full-" + i, "我在聊城买了房，" + "想落户".repeat(i % 7 + 1) + "，我" + (20 + i % 40) + "岁");
                if (r.text().contains("无法保存")) refused++;
            }
            assertTrue(refused > 0, "the database filled up");

            sqlite.execute("PRAGMA max_page_count=1073741823"); // space is freed
            for (int i = 0; i < 50; i++) {
                Reply r = a.reply("after-" + i, "我在聊城买了房，想落户");
                assertFalse(r.text().contains("无法保存"), r.text());
                assertTrue(sqlite.load("after-" + i).isPresent(), "turn " + i + " after space returned is saved");
            }
            assertTrue(a.reply("before", "需要什么材料").text().contains("材料"));
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.lines().filter(l -> l.contains("ERROR")).count(), log);
        assertTrue(log.lines().anyMatch(l -> l.contains("works again")), log);
        assertFalse(log.contains("\tat "), "no stack trace: " + log);
    }
}
