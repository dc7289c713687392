package luohu.channel.web;

import com.fasterxml.jackson.databind.JsonNode;
import luohu.Assistant;
import luohu.TestAssistants;
import luohu.store.MemoryStore;
import luohu.store.SqlitePrecheckCodes;
import luohu.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static luohu.channel.web.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window opens a pre-check code issued elsewhere (another process on the same database file). */
class WebPrecheckTest {
    static final String TOKEN = "window-token-0123456789";
    private static final Pattern CODE = Pattern.compile("预审码：([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2})");

    /** A conversation that reaches an answer and asks for the sheet; the code it got. */
    static String issue(Assistant bot, String chat) {
        bot.reply(chat, "我在二连浩特有自己的房子，想把户口迁过来");
        Matcher m = CODE.matcher(bot.reply(chat, "生成预审单，我要带去窗口").text());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void theConsoleOpensACodeWithTheSameFactsAndChecklist(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(SqliteStore.FILE);
        try (Assistant bot = TestAssistants.withStore(new MemoryStore()).withPrecheck(SqlitePrecheckCodes.open(file, 0), Duration.ofDays(14));
             Assistant desk = TestAssistants.withStore(new MemoryStore()).withPrecheck(SqlitePrecheckCodes.open(file, 0), Duration.ofDays(14));
             WebServer server = new WebServer(desk, TOKEN).start("127.0.0.1", 0)) {
            String code = issue(bot, "t1");
            String sheet = bot.reply("t1", "预审单").text();
            WebClient client = new WebClient(server);
            String body = "{\"code\": \"" + code.toLowerCase() + "\"}";
            assertEquals(401, client.post("/api/precheck", body).statusCode(), "the console token is needed");
            HttpResponse<String> r = client.post("/api/precheck", body, "Authorization", "Bearer " + TOKEN);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode j = json(r);
            assertEquals("二连浩特市", j.get("place").asText());
            assertEquals("申请人自述，待核验", j.get("note").asText());
            assertEquals("2026-11-22", j.get("code_date").asText());
            assertEquals("own", j.get("facts").get("housing").asText());
            for (JsonNode line : j.get("fact_lines")) assertTrue(sheet.contains(line.asText()), "the sheet says " + line);
            assertFalse(j.get("checklist").isEmpty());
            for (JsonNode m : j.get("checklist")) assertTrue(sheet.contains(m.get("text").asText()), "the sheet lists " + m);
            assertTrue(sheet.contains(j.get("pathway_name").asText()));

            JsonNode report = json(client.get("/api/report", "Authorization", "Bearer " + TOKEN));
            assertEquals("erlianhaote", report.get("weeks").get(0).get("document").asText(), report.toString());
            assertEquals(1, report.get("weeks").get(0).get("codesOpened").asInt(), report.toString());

            HttpResponse<byte[]> pdf = postBytes(server, "/api/precheck/pdf", body, TOKEN);
            if (java.nio.file.Files.isReadable(luohu.print.SheetPdf.DEBIAN_NOTO)) {
                assertEquals(200, pdf.statusCode());
                assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
                try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                    assertEquals(1, doc.getNumberOfPages());
                }
            } else {
                assertEquals(503, pdf.statusCode());
            }
        }
    }

    private static HttpResponse<byte[]> postBytes(WebServer server, String path, String body, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + server.port() + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void wrongCodesAreLimitedPerClient(@TempDir Path dir) {
        AtomicLong nanos = new AtomicLong(1);
        try (Assistant desk = TestAssistants.fresh();
             WebServer server = new WebServer(desk, null, ClientLimits.Limits.DEFAULT, nanos::get).start("127.0.0.1", 0)) {
            String code = issue(desk, "w1");
            WebClient client = new WebClient(server);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < WebServer.CODE_TRIES_PER_MINUTE; i++) {
                HttpResponse<String> r = client.post("/api/precheck", "{\"code\": \"2345-6789-A" + (char) ('B' + i) + "\"}");
                statuses.add(r.statusCode());
                assertTrue(json(r).get("error").asText().contains("没有找到这个预审码"), r.body());
            }
            assertEquals(List.of(404, 404, 404, 404, 404), statuses);
            HttpResponse<String> blocked = client.post("/api/precheck", "{\"code\": \"" + code + "\"}");
            assertEquals(429, blocked.statusCode(), "out of tries, even the right code waits");
            assertEquals("预审码输错次数太多，请一分钟后再试。", json(blocked).get("error").asText());
            nanos.addAndGet(Duration.ofSeconds(15).toNanos());
            assertEquals(200, client.post("/api/precheck", "{\"code\": \"" + code + "\"}").statusCode(), "a try comes back after a while");
            HttpResponse<String> bad = client.post("/api/precheck", "{\"code\": 5}");
            assertEquals(400, bad.statusCode());
        }
    }
}
