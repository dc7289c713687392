package luohu.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real assistant process is killed with SIGKILL right after answering, and started again on the same data
 * directory: every conversation continues where it was. Its logs, at the most detailed level, are then scanned for
 * ID-card numbers, phone numbers and chat ids.
 */
class KillAndRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID_CARD = "11010119900307777X";
    private static final String PHONE = "13812345678";
    private static final String CHAT_A = "kill-test-chat-alpha";
    private static final String CHAT_B = "kill-test-chat-beta";

    @TempDir
    Path dir;

    /** One assistant process speaking the JSON-lines contract. */
    private final class Proc implements AutoCloseable {
        final Process p;
        final Writer in;
        final BufferedReader out;
        final Path log;

        Proc(String name) throws Exception {
            log = dir.resolve(name + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            p = new ProcessBuilder(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", "-cp",
                    System.getProperty("java.class.path"), "luohu.Main", "chat", "--jsonl", "--data", dir.resolve("data").toString())
                    .redirectError(log.toFile()).start();
            in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        }

        String say(String chat, String text) throws Exception {
            in.write(JSON.writeValueAsString(Map.of("chat", chat, "text", text)) + "\n");
            in.flush();
            String line = out.readLine();
            assertTrue(line != null, "the process answered; its log:\n" + Files.readString(log));
            JsonNode reply = JSON.readTree(line);
            return reply.path("reply").asText() + "\n" + reply.path("options");
        }

        void kill() throws Exception {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            p.waitFor(20, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            if (p.isAlive()) kill();
        }
    }

    @Test
    void conversationsContinueAfterKillNineAndLogsHoldNoPersonalData() throws Exception {
        try (Proc first = new Proc("first")) {
            String a = first.say(CHAT_A, "我在赤峰红山区租房，租赁合同备案了。我的身份证号是" + ID_CARD + "，电话" + PHONE);
            assertTrue(a.contains("红山区"), a);
            String b = first.say(CHAT_B, "租房能落户吗");
            assertTrue(b.contains("哪个城市"), b);
            first.kill();
        }
        try (Proc second = new Proc("second")) {
            String b = second.say(CHAT_B, "聊城");
            assertTrue(b.contains("租赁登记备案"), "chat B remembered renting and went on to its place:\n" + b);
            String a = second.say(CHAT_A, "直接告诉我结果");
            assertTrue(a.contains("红山区") && a.contains("赤政发〔2016〕50号"), "chat A remembered its place:\n" + a);
            second.say(CHAT_A, "我电话是" + PHONE + "，身份证" + ID_CARD + "，删除我的信息");
        }
        String logs = Files.readString(dir.resolve("first.log")) + Files.readString(dir.resolve("second.log"));
        assertTrue(logs.contains("turn chat="), "turns are logged:\n" + logs);
        for (String secret : List.of(ID_CARD, PHONE, "110101199003077777", CHAT_A, CHAT_B, "身份证", "红山区租房")) {
            assertFalse(logs.contains(secret), "the log holds " + secret + ":\n" + logs);
        }
    }
}
