package luohu.channel.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real web process with every logger at its most detailed default level: the token and bodies stay out of the log,
 * and the chats out of the data folder.
 */
class WebLogTest {
    @TempDir
    Path dir;

    @Test
    void atTraceLevelTheLogHoldsNeitherTheTokenNorWhatWasTyped() throws Exception {
        String token = "tok-" + "9f8e7d6c5b4a39281706";
        String typed = "我的手机号13912345678在赤峰租房";
        Path log = dir.resolve("web.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", "-cp",
                System.getProperty("java.class.path"), "luohu.Main", "web", "--port", "0", "--data", dir.resolve("data").toString())
                .redirectError(log.toFile());
        pb.environment().put("LUOHU_WEB_TOKEN", token);
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String banner = out.readLine();
            assertNotNull(banner, "the server started; its log:\n" + Files.readString(log));
            Matcher m = Pattern.compile(":(\\d+)/").matcher(banner);
            assertTrue(m.find(), banner);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/api/chat"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"chat\": \"logtest\", \"text\": \"" + typed + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/?token=" + token)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertFalse(text.contains(token), "the token is logged:\n" + text.lines().filter(l -> l.contains(token)).limit(3).toList());
        assertFalse(text.contains("13912345678"), "what was typed is logged");
        assertFalse(text.contains("赤峰租房"), "what was typed is logged");
        // the console's chats are kept in memory only: the data folder's database holds pre-check codes and the
        // report's counters, never a conversation or what was typed
        Path db = dir.resolve("data").resolve("luohu.db");
        if (Files.exists(db)) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                 ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sessions'")) {
                assertFalse(rs.next(), "web chats were written to the database");
            }
            try (var files = Files.list(dir.resolve("data"))) {
                for (Path f : files.toList()) {
                    String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertFalse(raw.contains(new String("赤峰租房".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)), "what was typed is in " + f);
                }
            }
        }
    }
}
