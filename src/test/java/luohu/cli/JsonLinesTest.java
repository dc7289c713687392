package luohu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import luohu.Assistant;
import luohu.TestAssistants;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON-lines contract: one reply line per input line, in order; bad lines answered with an error. */
class JsonLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> run(String... lines) throws Exception {
        return run(Runtime.getRuntime().availableProcessors(), lines);
    }

    private static List<JsonNode> run(int lanes, String... lines) throws Exception {
        Assistant a = TestAssistants.fresh();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChatCommand.jsonLines(a, new BufferedReader(new StringReader(String.join("\n", lines) + "\n")),
                new PrintStream(out, false, StandardCharsets.UTF_8), lanes);
        List<JsonNode> replies = new ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) if (!l.isBlank()) replies.add(JSON.readTree(l));
        return replies;
    }

    @Test
    void oneLineOutPerLineInAndChatsStayApart() throws Exception {
        List<JsonNode> r = run(
                "{\"chat\": \"x\", \"text\": \"租房能落户吗\"}",
                "{\"chat\": \"y\", \"text\": \"我在聊城买了房，想落户\"}",
                "not json at all",
                "{\"chat\": \"x\", \"text\": \"赤峰\"}",
                "{\"text\": \"no chat\"}");
        assertEquals(5, r.size());
        assertEquals("x", r.get(0).path("chat").asText());
        assertTrue(r.get(0).path("reply").asText().contains("哪个城市"));
        assertTrue(r.get(0).path("options").isArray());
        assertTrue(r.get(1).path("reply").asText().contains("合法稳定房产落户"), r.get(1).toString());
        assertTrue(r.get(2).has("error"));
        assertEquals("x", r.get(3).path("chat").asText());
        assertTrue(r.get(3).path("reply").asText().contains("赤峰"), "chat x remembered its renting: " + r.get(3));
        assertTrue(r.get(4).has("error"));
    }

    @Test
    void anyTextGetsAFriendlyReply() throws Exception {
        String[] texts = {"", "？？？", "hello", "🙂🙂", "落".repeat(10_000), "\u0000\u0001", "SELECT * FROM users;"};
        List<String> lines = new ArrayList<>();
        for (String t : texts) lines.add(JSON.writeValueAsString(java.util.Map.of("chat", "z", "text", t)));
        List<JsonNode> r = run(lines.toArray(String[]::new));
        assertEquals(texts.length, r.size());
        for (JsonNode n : r) {
            assertFalse(n.has("error"), n.toString());
            assertFalse(n.path("reply").asText().isBlank(), n.toString());
            assertFalse(n.path("reply").asText().contains("Exception"), n.toString());
        }
    }

    @Test
    void blankAndWhitespaceLinesGetAnErrorLineSoRepliesStayPaired() throws Exception {
        List<JsonNode> r = run("{\"chat\": \"p\", \"text\": \"你好\"}", "", "   \t", "{\"chat\": \"p\", \"text\": \"赤峰\"}");
        assertEquals(4, r.size());
        assertEquals("p", r.get(0).path("chat").asText());
        assertTrue(r.get(1).has("error"), r.get(1).toString());
        assertTrue(r.get(2).has("error"), r.get(2).toString());
        assertEquals("p", r.get(3).path("chat").asText());
    }

    @Test
    void chatIdsAreStringsAndLoneSurrogatesDoNotCollide() throws Exception {
        List<JsonNode> r = run(
                "{\"chat\": \"1\", \"text\": \"我在赤峰租房\"}",
                "{\"chat\": 1, \"text\": \"你好\"}",
                "{\"chat\": null, \"text\": \"你好\"}",
                "{\"chat\": \"\", \"text\": \"你好\"}",
                "{\"chat\": \"a\\ud800\", \"text\": \"你好\"}");
        assertEquals(5, r.size());
        assertFalse(r.get(0).has("error"));
        for (int i = 1; i < 5; i++) assertTrue(r.get(i).has("error"), r.get(i).toString());
        assertFalse(java.util.Arrays.equals(luohu.store.SessionStore.idBytes("a\ud800"), luohu.store.SessionStore.idBytes("a\udc00")));
        assertFalse(java.util.Arrays.equals(luohu.store.SessionStore.idBytes("a\ud800"), luohu.store.SessionStore.idBytes("a?")));
    }

    @Test
    void aHugeLineIsRefusedWithoutReadingItAllAndTheNextLineIsAnswered() throws Exception {
        String huge = "{\"chat\": \"h\", \"text\": \"" + "落".repeat(ChatCommand.MAX_LINE + 10) + "\"}";
        List<JsonNode> r = run(huge, "{\"chat\": \"h\", \"text\": \"你好\"}");
        assertEquals(2, r.size());
        assertTrue(r.get(0).path("error").asText().contains("longer"), r.get(0).toString());
        assertEquals("h", r.get(1).path("chat").asText());
    }

    @Test
    void aLongScriptedConversationIsNeverThrottled() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) lines.add("{\"chat\": \"script\", \"text\": \"" + (i % 2 == 0 ? "你好" : "我在赤峰租房") + "\"}");
        List<JsonNode> r = run(lines.toArray(String[]::new));
        assertEquals(60, r.size());
        for (JsonNode n : r) assertFalse(n.path("reply").asText().contains("太快"), n.toString());
    }

    @Test
    void chatsRunSideBySideYetEveryChatKeepsItsOrderAndTheRepliesTheirs() throws Exception {
        // each chat states a place, a fact, then asks: its later replies depend on its earlier turns
        String[][] chats = {{"我在赤峰租房", "租了两年", "要带什么材料"}, {"聊城买房能落户吗", "房产证下来了", "去哪办"},
                {"铁岭", "我想投靠我儿子", "他户口在铁岭"}, {"新疆乌鲁木齐", "我在国企上班", "社保交了三年"}};
        List<String> lines = new ArrayList<>();
        for (int turn = 0; turn < 3; turn++) {
            for (int round = 0; round < 10; round++) {
                for (int c = 0; c < chats.length; c++) {
                    lines.add(JSON.writeValueAsString(java.util.Map.of("chat", c + "-" + round, "text", chats[c][turn])));
                }
            }
        }
        List<JsonNode> one = run(1, lines.toArray(String[]::new));
        List<JsonNode> four = run(4, lines.toArray(String[]::new));
        assertEquals(lines.size(), four.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(JSON.readTree(lines.get(i)).path("chat").asText(), four.get(i).path("chat").asText(), "line " + i);
            assertEquals(one.get(i), four.get(i), "line " + i + " reads the same whether chats run one at a time or four");
        }
        // the same turn of the same script gets the same reply in every chat: no chat saw another's turns
        for (int i = 0; i < lines.size(); i += chats.length * 10) {
            for (int k = 1; k < 10; k++) {
                assertEquals(four.get(i).path("reply"), four.get(i + k * chats.length).path("reply"));
            }
        }
    }
}
