package luohu.channel.web;

import luohu.Assistant;
import luohu.TestAssistants;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static luohu.channel.web.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits per client on the web API: new chats and requests; other clients go on. The clock stands still. */
class ClientLimitsTest {
    private static String chat(String id) {
        return "{\"chat\": \"" + id + "\", \"text\": \"你好\"}";
    }

    @Test
    void oneClientCannotStartChatsWithoutEndAndOthersAreNotHeldUp() throws Exception {
        try (Assistant a = TestAssistants.fresh();
             WebServer server = new WebServer(a, null, new ClientLimits.Limits(1000, 1, 3, 1), () -> 0L).start("127.0.0.1", 0)) {
            WebClient c = new WebClient(server);
            for (int i = 0; i < 3; i++) assertEquals(200, c.post("/api/chat", chat("flood-" + i)).statusCode());
            HttpResponse<String> refused = c.post("/api/chat", chat("flood-3"));
            assertEquals(429, refused.statusCode(), refused.body());
            assertTrue(json(refused).get("error").asText().contains("频繁"), refused.body());
            assertEquals(200, c.post("/api/chat", chat("flood-1")).statusCode(), "a chat already started goes on");
            assertTrue(a.machine() != null);
            // another client (another loopback address) starts its chat
            assertEquals(200, rawPost(server.port(), "127.0.0.2", "/api/chat", chat("other-client")));
        }
    }

    @Test
    void oneClientsRequestsAreLimited() throws Exception {
        try (Assistant a = TestAssistants.fresh();
             WebServer server = new WebServer(a, null, new ClientLimits.Limits(5, 1, 100, 1), () -> 0L).start("127.0.0.1", 0)) {
            WebClient c = new WebClient(server);
            for (int i = 0; i < 5; i++) assertEquals(200, c.get("/api/places").statusCode());
            HttpResponse<String> refused = c.get("/api/places");
            assertEquals(429, refused.statusCode());
            assertTrue(json(refused).has("error"));
            assertEquals(200, rawPost(server.port(), "127.0.0.2", "/api/chat", chat("someone-else")));
        }
    }

    /** A POST from a given local address, over a plain socket; returns the status code. */
    static int rawPost(int port, String from, String path, String body, String... headers) throws Exception {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList())
                    + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        }
    }
}
