package luohu.channel.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import luohu.TestAssistants;
import luohu.store.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook mode end to end in one process: the real client registers the webhook with the fake Bot API, and the test
 * posts updates as Telegram would. Only requests with the secret token are taken; an update is acknowledged once it
 * was answered, and an update delivered again is acknowledged without a second answer.
 */
class WebhookTest {
    private static final String SECRET = "webhook-test-secret-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeBotApi api;
    private TelegramBot bot;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        luohu.store.SessionStore store = new luohu.store.MeteredStore(new MemoryStore(), "memory");
        TelegramBot.Settings settings = TelegramBot.Settings.defaults(api.url()).withPollTimeoutSeconds(1)
                .withRequestTimeout(Duration.ofSeconds(5)).withRetry(new Sender.Settings(100, 1000, 60_000));
        bot = TelegramBot.start(FakeBotApi.TOKEN, settings, () -> ChatEngine.of(TestAssistants.withStore(store)),
                me -> new StoreUpdateJournal(store.claims(), me.id()),
                new TelegramBot.Webhook("https://bot.example.org/hook/telegram", "127.0.0.1", 0, SECRET,
                        app -> luohu.channel.web.OpsRoutes.add(app, store::reachable)));
    }

    @AfterEach
    void stop() {
        if (bot != null) bot.close();
        api.close();
    }

    private HttpResponse<String> post(ObjectNode update, String secret) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.webhookPort() + "/hook/telegram"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(update.toString()));
        if (secret != null) b.header(WebhookReceiver.SECRET_HEADER, secret);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theWebhookIsRegisteredWithItsSecretAndNoPollingHappens() {
        var set = api.calls("setWebhook");
        assertEquals(1, set.size());
        assertEquals("https://bot.example.org/hook/telegram", set.get(0).body().path("url").asText());
        assertEquals(SECRET, set.get(0).body().path("secret_token").asText());
        assertEquals(0, api.calls("getUpdates").size());
    }

    @Test
    void requestsWithoutTheSecretAreRefusedAndNothingIsAnswered() throws Exception {
        long chat = 3001;
        ObjectNode update = api.update(api.command(chat, "/start"));
        assertEquals(401, post(update, null).statusCode());
        assertEquals(401, post(update, "not-the-secret-at-all").statusCode());
        assertEquals(401, post(update, SECRET.substring(1)).statusCode());
        // and then the real one is answered: the refusals did not claim the update
        assertEquals(200, post(update, SECRET).statusCode());
        List<FakeBotApi.Sent> sent = api.sentTo(chat);
        assertEquals(1, sent.size(), "answered before the acknowledgement");
        assertTrue(sent.get(0).plain().contains("落户助手"), sent.get(0).plain());
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.webhookPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    @Test
    void healthAndMetricsAreServedBesideTheWebhookAndNameNoChat() throws Exception {
        assertTrue(get("/healthz").contains("\"ok\""));
        long chat = 3003;
        api.failSends(chat, 429, 1, 1);
        assertEquals(200, post(api.update(api.text(chat, "我在聊城买了房，想落户")), SECRET).statusCode());
        String metrics = get("/metrics");
        for (String m : new String[]{"luohu_turns_seconds_bucket", "luohu_turns_seconds_count", "luohu_store_latency_seconds_count",
                "luohu_telegram_sends_total", "luohu_telegram_retries_total"}) {
            assertTrue(metrics.contains(m), "metrics have " + m);
        }
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("luohu_telegram_retries_total") && l.contains("reason=\"429\"")
                && !l.endsWith(" 0.0")), "the 429 is counted");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("luohu_telegram_sends_total") && l.contains("outcome=\"delivered\"")));
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("luohu_turns_seconds_count") && l.contains("kind=")));
        assertFalse(metrics.contains("3003") || metrics.contains("聊城"), "no chat and no text in the metrics");
    }

    @Test
    void anUpdateDeliveredAgainIsAcknowledgedWithoutASecondAnswer() throws Exception {
        long chat = 3002;
        ObjectNode first = api.update(api.text(chat, "我在聊城买了房，想落户"));
        ObjectNode second = api.update(api.command(chat, "/help"));
        assertEquals(200, post(first, SECRET).statusCode());
        assertEquals(200, post(first, SECRET).statusCode());
        assertEquals(200, post(second, SECRET).statusCode());
        List<FakeBotApi.Sent> sent = api.sentTo(chat);
        assertEquals(2, sent.size());
        assertTrue(sent.get(0).plain().contains("聊城"), sent.get(0).plain());
        assertTrue(sent.get(1).plain().contains("我可以帮您"), sent.get(1).plain());
    }
}
