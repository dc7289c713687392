package luohu.channel.web;

import luohu.Assistant;
import luohu.Main;
import luohu.TestAssistants;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import static luohu.channel.web.WebApiTest.assertNoStackTrace;
import static luohu.channel.web.WebApiTest.ok;
import static luohu.channel.web.WebClient.json;
import static luohu.channel.web.WebClient.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The access token, the refusal to listen beyond loopback without one, and what reaches the log. */
class WebAccessTest {
    private static final String TOKEN = "test-token-5f2c9a";

    @Test
    void withATokenEveryRequestMustCarryIt() {
        try (Assistant assistant = TestAssistants.fresh(); WebServer server = new WebServer(assistant, TOKEN).start("127.0.0.1", 0)) {
            WebClient client = new WebClient(server);
            for (HttpResponse<String> r : new HttpResponse[]{client.get("/api/places"), client.get("/"), client.get("/app.js"),
                    client.get("/api/places", "Authorization", "Bearer wrong"), client.get("/api/places?token=wrong"),
                    client.get("/api/places", "Cookie", TokenCheck.COOKIE + "=" + TOKEN),
                    client.post("/api/assess", "{\"place\": \"赤峰\"}")}) {
                assertEquals(401, r.statusCode(), r.uri().toString());
                assertEquals(TokenCheck.MESSAGE, json(r).get("error").asText());
            }
            ok(client.get("/api/places", "Authorization", "Bearer " + TOKEN));
            ok(client.post("/api/assess", "{\"place\": \"赤峰\"}", "Authorization", "Bearer " + TOKEN));
            // the page opened with ?token= gets a cookie (a digest, not the token) for its styles, scripts and API calls
            HttpResponse<String> page = ok(client.get("/?token=" + q(TOKEN)));
            String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            assertFalse(cookie.contains(TOKEN), cookie);
            String pair = cookie.substring(0, cookie.indexOf(';'));
            ok(client.get("/app.js", "Cookie", pair));
            ok(client.get("/api/facts", "Cookie", pair));
            // a proxy's health check needs no token; the metrics do
            HttpResponse<String> health = ok(client.get("/healthz"));
            assertEquals("ok", json(health).get("status").asText());
            assertEquals(401, client.get("/metrics").statusCode());
            HttpResponse<String> metrics = client.get("/metrics", "Authorization", "Bearer " + TOKEN);
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), metrics.headers().toString());
        }
    }

    @Test
    void withoutATokenOnlyLoopbackIsServed() {
        UnaryOperator<String> saved = WebCommand.env;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            WebCommand.env = name -> null;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, Main.run("web", "--bind", "0.0.0.0", "--port", "0"));
            assertEquals(2, Main.run("web", "--port", "70000"));
        } finally {
            System.setErr(savedErr);
            WebCommand.env = saved;
        }
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(2, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("luohu: ") && lines[0].contains("LUOHU_WEB_TOKEN"), lines[0]);
        assertTrue(lines[1].contains("--port"), lines[1]);
    }

    @Test
    void nothingTheApplicantEntersReachesTheLogNorAnErrorResponse() {
        String secret = "张三身份证号110101199003077777";
        Assistant broken = mock(Assistant.class);
        Assistant real = TestAssistants.fresh();
        when(broken.model()).thenReturn(real.model());
        when(broken.machine()).thenReturn(real.machine());
        when(broken.reply(anyString(), anyString())).thenThrow(new IllegalStateException("failed on " + secret));
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (WebServer server = new WebServer(broken, null).start("127.0.0.1", 0)) {
            WebClient client = new WebClient(server);
            HttpResponse<String> r = client.post("/api/chat", "{\"chat\": \"log-test\", \"text\": \"" + secret + "\"}");
            assertEquals(500, r.statusCode());
            assertFalse(r.body().contains(secret), r.body());
            assertTrue(json(r).get("error").asText().startsWith("内部错误") && json(r).get("error").asText().contains("internal error"), r.body());
            assertNoStackTrace(r.body());
            assertEquals(400, client.post("/api/assess", "{\"place\": \"赤峰\", \"facts\": {\"housing\": \"" + secret + "\"}}").statusCode());
            assertEquals(400, client.post("/api/assess", "{\"place\": \"" + secret + "\"}").statusCode());
            assertEquals(400, client.post("/api/assess", "{\"place\": " + secret).statusCode());
            assertEquals(200, client.get("/api/clauses?q=" + q(secret)).statusCode());
            assertEquals(404, client.get("/api/clauses/" + q(secret)).statusCode());
        } finally {
            System.setErr(savedErr);
            real.close();
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("POST /api/chat failed: java.lang.IllegalStateException"), log);
        assertFalse(log.contains(secret), log);
        assertFalse(log.contains("110101199003077777"), log);
    }

    @Test
    void withoutATokenForeignHostsAndCrossSitePostsAreRefused() throws Exception {
        try (Assistant assistant = TestAssistants.fresh(); WebServer server = new WebServer(assistant, null).start("127.0.0.1", 0)) {
            WebClient client = new WebClient(server);
            int port = server.port();
            ok(client.get("/api/places"));
            assertEquals(403, raw(port, "GET /api/places HTTP/1.1\r\nHost: evil.example:" + port + "\r\n", ""));
            assertEquals(403, raw(port, "GET / HTTP/1.1\r\nHost: rebind.attacker.test\r\n", ""));
            assertEquals(200, raw(port, "GET /api/places HTTP/1.1\r\nHost: localhost:" + port + "\r\n", ""));
            String body = "{\"chat\": \"csrf\", \"text\": \"删除我的信息\"}";
            HttpResponse<String> cross = client.post("/api/chat", body, "Origin", "https://evil.example");
            assertEquals(403, cross.statusCode(), cross.body());
            assertTrue(json(cross).get("error").asText().contains("拒绝访问"));
            assertEquals(403, client.post("/api/chat", body, "Origin", "null").statusCode());
            ok(client.post("/api/chat", body, "Origin", "http://127.0.0.1:" + port));
            ok(client.post("/api/chat", body));
        }
    }

    @Test
    void aShortTokenIsRefusedAndWrongTokensAreSlowedDown() throws Exception {
        UnaryOperator<String> saved = WebCommand.env;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            WebCommand.env = name -> name.equals("LUOHU_WEB_TOKEN") ? "short-token" : null;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, Main.run("web", "--port", "0", "--memory"));
        } finally {
            System.setErr(savedErr);
            WebCommand.env = saved;
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("at least 16"), err.toString(StandardCharsets.UTF_8));

        try (Assistant assistant = TestAssistants.fresh();
             WebServer server = new WebServer(assistant, TOKEN, ClientLimits.Limits.DEFAULT, () -> 0L).start("127.0.0.1", 0)) {
            WebClient client = new WebClient(server);
            for (int i = 0; i < 10; i++) assertEquals(401, client.get("/api/places", "Authorization", "Bearer guess-" + i).statusCode());
            HttpResponse<String> slowed = client.get("/api/places", "Authorization", "Bearer guess-10");
            assertEquals(429, slowed.statusCode(), slowed.body());
            assertEquals(429, client.get("/api/places", "Authorization", "Bearer " + TOKEN).statusCode(),
                    "while it waits even the right token is not tried");
            // another address is not held up
            assertEquals(200, ClientLimitsTest.rawPost(server.port(), "127.0.0.2", "/api/assess", "{\"place\": \"赤峰\"}", "Authorization: Bearer " + TOKEN));
        }
    }

    /** A raw request (request line and headers given, Content-Length and Connection added); returns the status. */
    private static int raw(int port, String head, String body) throws Exception {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write((head + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().write(b);
            s.getOutputStream().flush();
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
