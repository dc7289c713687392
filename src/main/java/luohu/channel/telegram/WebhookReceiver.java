package luohu.channel.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import luohu.store.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The webhook's HTTP server (Javalin): Telegram posts each update to the webhook's path. A request without the
 * secret token in X-Telegram-Bot-Api-Secret-Token is refused (401) before its body is read. An update is answered
 * 200 only once it was handled (or had been before), so that an instance killed while handling it leaves it
 * unacknowledged and Telegram delivers it again, to whichever instance the proxy picks; 503 asks Telegram to come
 * again later (another instance is handling it, or handling outlasted the wait). Nothing of a request is logged.
 * <p>
 * The server of telegrambots-webhook is not used: its handler sees the update only, never the request's headers,
 * so it cannot check the secret token, and it listens on every address.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Javalin app;

    WebhookReceiver(TelegramBot.Webhook webhook, Function<Update, CompletableFuture<Claims.Outcome>> offer, Duration wait) {
        byte[] secret = webhook.secret().getBytes(StandardCharsets.UTF_8);
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = 1024 * 1024;
        });
        app.post(webhook.path(), ctx -> take(ctx, secret, offer, wait));
        if (webhook.extraRoutes() != null) webhook.extraRoutes().accept(app);
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("a webhook request failed: {}", TelegramBot.describe(e));
            ctx.status(500).result("");
        });
        app.start(webhook.host(), webhook.port());
    }

    private static void take(Context ctx, byte[] secret, Function<Update, CompletableFuture<Claims.Outcome>> offer, Duration wait)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        String given = ctx.header(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.status(401).result("");
            return;
        }
        Update u;
        try {
            u = JSON.readValue(ctx.bodyAsBytes(), Update.class);
        } catch (java.io.IOException e) {
            // not an update: answering 200 keeps Telegram from sending it again and again
            LOG.warn("the webhook got a body that is not an update ({})", e.getClass().getSimpleName());
            ctx.status(200).result("");
            return;
        }
        Claims.Outcome outcome;
        try {
            outcome = offer.apply(u).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outcome = Claims.Outcome.BUSY; // still in hand here: Telegram asks again, and is told DONE once it is
        }
        if (outcome == Claims.Outcome.BUSY) {
            ctx.status(503).header("Retry-After", "5").result("");
        } else {
            ctx.status(200).result("");
        }
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
