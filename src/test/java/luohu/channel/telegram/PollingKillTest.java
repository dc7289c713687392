package luohu.channel.telegram;

import luohu.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long-polling process killed with SIGKILL while it answers three updates (its replies held at the Bot API, so
 * none got through) loses none of them: it had not confirmed them to Telegram, which gives them to the next process
 * on the same data folder, and each is answered once.
 */
class PollingKillTest {
    @TempDir
    Path dir;

    private Process start(String name, int apiPort) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"), "luohu.Main", "telegram",
                "--policies", TestPaths.policies().toString(), "--dialogs", TestPaths.dialogs().toString(),
                "--data", dir.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + apiPort);
        env.remove("LUOHU_STORE");
        return pb.start();
    }

    @Test
    void updatesInHandWhenThePollerIsKilledAreAnsweredByTheNextOneOnce() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            int door = api.openDoor();
            Process first = start("first", door);
            Process second = null;
            try {
                assertTrue(api.await(Duration.ofSeconds(120), () -> api.calls("getUpdates").size() > 0), "the first process polls");
                api.holdSends(1);
                List<Long> chats = List.of(8101L, 8102L, 8103L);
                for (long chat : chats) api.command(chat, "/start");
                assertTrue(api.await(Duration.ofSeconds(60), () -> api.holding(1) == chats.size()),
                        "the first process answered all three; its replies are held: " + api.holding(1));
                first.destroyForcibly();
                assertTrue(first.waitFor(30, TimeUnit.SECONDS));
                api.dropHeld(1);
                assertEquals(0, api.sent().size());

                int polledBefore = api.calls("getUpdates").size();
                second = start("second", api.url().getPort());
                assertTrue(api.await(Duration.ofSeconds(120), () -> api.calls("getUpdates").size() > polledBefore), "the second process polls");
                for (long chat : chats) assertTrue(api.awaitSent(chat, 1).get(0).plain().contains("落户助手"));
                api.command(8101L, "/help");
                assertTrue(api.awaitSent(8101L, 2).get(1).plain().contains("我可以帮您"));
                assertEquals(4, api.sent().size(), "none answered twice");
            } finally {
                first.destroyForcibly();
                if (second != null) second.destroyForcibly();
            }
            String logs = Files.readString(dir.resolve("first.log")) + Files.readString(dir.resolve("second.log"));
            assertTrue(!logs.contains(FakeBotApi.TOKEN) && !logs.contains("8101"), logs);
        }
    }
}
