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
            assertTrue(json(r).get("error").asText().startsWith("internal error"), r.body());
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
}
