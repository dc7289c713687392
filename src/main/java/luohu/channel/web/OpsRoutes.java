package luohu.channel.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import luohu.common.Telemetry;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * GET /healthz (200 when the store answers, else 503: for a proxy or a supervisor to take an instance out) and
 * GET /metrics (Prometheus text: turns by kind and their latency, errors, Telegram sends, retries and 429s, store
 * latency). Neither shows a chat, a text or a token.
 */
public final class OpsRoutes {
    private OpsRoutes() {
    }

    public static void add(Javalin app, BooleanSupplier storeReachable) {
        Telemetry.prometheus();
        app.get("/healthz", ctx -> health(ctx, storeReachable));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(Telemetry.prometheus().scrape()));
    }

    private static void health(Context ctx, BooleanSupplier storeReachable) {
        boolean ok = storeReachable.getAsBoolean();
        ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ok" : "store unreachable"));
    }
}
