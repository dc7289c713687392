package luohu;

import luohu.dialog.Reply;
import luohu.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long messages, floods and concurrent turns of one chat. */
class AssistantGuardsTest {
    @TempDir
    Path dir;

    @Test
    void aVeryLongMessageIsAnsweredFromItsFirstPartWithANotice() {
        Assistant a = TestAssistants.fresh();
        Reply r = a.reply("long", "我在聊城买了房，想落户。" + "啊".repeat(5000));
        assertTrue(r.text().startsWith("您的消息很长，我只读了前4000个字"), r.text());
        assertTrue(r.text().contains("合法稳定房产落户"), r.text());
    }

    @Test
    void aFloodFromOneChatIsThrottledAndOtherChatsAreNot() {
        Assistant a = TestAssistants.fresh(); // the test clock stands still: every message is in the same 10 s
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 25; i++) replies.add(a.reply("flood", "你好").text());
        assertEquals(20, replies.stream().filter(r -> !r.contains("太快")).count());
        assertTrue(replies.get(20).contains("太快"));
        assertFalse(a.reply("calm", "你好").text().contains("太快"));
    }

    @Test
    void concurrentTurnsOfOneChatNeverOverwriteEachOther() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir, Duration.ofDays(30), java.time.Clock.systemUTC());
             Assistant a = TestAssistants.withStore(store)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 16; i++) fs.add(pool.submit(() -> a.reply("shared", "我在赤峰租房")));
            for (Future<?> f : fs) f.get();
            pool.shutdown();
            assertEquals(16, store.load("shared").orElseThrow().turns(), "every turn counted: none overwrote another");
        }
    }
}
