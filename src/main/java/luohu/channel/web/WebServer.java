package luohu.channel.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import luohu.Assistant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The front-desk console: the page (static files under {@code /web} on the classpath) and the JSON API behind it.
 * No request is logged; an error is logged by its route and exception class only, never with what was entered.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Far more than any form or message needs; larger bodies get 413. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    static final String API = "the API is GET /api/places, GET /api/facts, POST /api/assess, POST /api/chat, "
            + "POST /api/chat/forget, POST /api/precheck, POST /api/precheck/pdf, GET /api/report, GET /api/clauses?q=…, GET /api/clauses/{id}";

    private final Javalin app;
    /** Wrong pre-check codes a client may enter a minute. */
    static final int CODE_TRIES_PER_MINUTE = 5;

    /** @param token the access token every request must carry, or null when none is required */
    public WebServer(Assistant assistant, String token) {
        this(assistant, token, ClientLimits.Limits.DEFAULT, System::nanoTime);
    }

    /** With limits per client and the clock they run on (tests pass one that stands still). */
    WebServer(Assistant assistant, String token, ClientLimits.Limits limits, java.util.function.LongSupplier nanos) {
        ClientLimits clients = new ClientLimits(limits, nanos);
        TokenCheck tokens = new TokenCheck(token, clients);
        ClauseIndex clauses = new ClauseIndex(assistant.model(), assistant.machine().understander().segmenter());
        CatalogApi catalog = new CatalogApi(assistant.model(), assistant.machine().questions());
        AssessApi assess = new AssessApi(assistant.model());
        ChatApi chat = new ChatApi(assistant, clients);
        ClauseApi clauseApi = new ClauseApi(clauses);
        PrecheckApi precheck = new PrecheckApi(assistant, new CodeGuesses(CODE_TRIES_PER_MINUTE, nanos), luohu.print.SheetPdf.fromEnvironment());

        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
        });

        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store");
            // without a token only the machine's own users may reach it: a page elsewhere must not, through a name
            // resolving to 127.0.0.1 (DNS rebinding) or a form posted from the clerk's browser (CSRF)
            if (!tokens.required() && !loopbackHost(ctx.header("Host"))) throw new HttpResponseException(403, FOREIGN_HOST);
            if (!SAFE_METHODS.contains(ctx.method().name()) && crossSite(ctx)) throw new HttpResponseException(403, CROSS_SITE);
            if (!ctx.path().equals("/healthz")) tokens.check(ctx); // a proxy's health check carries no token
            if (ctx.path().startsWith("/api/") && !clients.allowRequest(ctx.ip())) throw tooMany();
        });

        OpsRoutes.add(app, assistant::storeReachable);
        app.get("/api/places", catalog::places);
        app.get("/api/facts", catalog::facts);
        app.post("/api/assess", assess::assess);
        app.post("/api/chat", chat::chat);
        app.post("/api/chat/forget", chat::forget);
        app.post("/api/precheck", precheck::open);
        app.post("/api/precheck/pdf", precheck::pdf);
        // counters only: what citizens ask, per document and week
        app.get("/api/report", ctx -> ctx.json(Map.of("weeks", luohu.AskReport.of(assistant.tally().counters().all()))));
        app.get("/api/clauses", clauseApi::search);
        app.get("/api/clauses/{id}", clauseApi::clause);

        app.exception(HttpResponseException.class, (e, ctx) -> {
            boolean noRoute = e.getStatus() == 404 && e.getMessage() != null && e.getMessage().startsWith("Endpoint ");
            error(ctx, e.getStatus(), noRoute ? notFound(ctx) : e.getMessage());
        });
        app.exception(Exception.class, (e, ctx) -> {
            luohu.common.Telemetry.error("web");
            LOG.error("{} {} failed: {}", ctx.method(), routeOf(ctx), describe(e));
            error(ctx, 500, "内部错误，请求未能处理，请重试。(internal error: the request could not be handled; please try again)");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || !isJson(ctx)) error(ctx, 404, notFound(ctx));
        });
        app.error(405, ctx -> error(ctx, 405, "不支持这种请求方式。(method " + ctx.method() + " is not allowed for " + ctx.path() + "; " + API + ")"));
    }

    /** Starts listening; port 0 picks a free one (see {@link #port()}). */
    public WebServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    static final String FOREIGN_HOST = "拒绝访问：本机前台只接受以 localhost 或 127.0.0.1 打开的请求。(the Host header must name this machine's loopback address)";
    static final String CROSS_SITE = "拒绝访问：不接受来自其他网站的请求。(cross-site requests are refused)";
    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    /** A Host header naming the loopback interface: localhost, 127.x.x.x or [::1], with any port. */
    static boolean loopbackHost(String host) {
        if (host == null || host.isBlank()) return false;
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).equals("::1") && (end == h.length() - 1 || h.substring(end + 1).matches(":\\d{1,5}"));
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            if (!h.substring(colon + 1).matches("\\d{1,5}")) return false;
            h = h.substring(0, colon);
        }
        return h.equals("localhost") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** A request a browser sent on behalf of another site: its Origin is not this server, or it says cross-site. */
    static boolean crossSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && (site.equals("cross-site") || site.equals("same-site"))) return true;
        String origin = ctx.header("Origin");
        if (origin == null) return false; // not a browser's cross-origin request (curl, scripts)
        String host = ctx.header("Host");
        return host == null || !(origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host));
    }

    /** 429, for a client over its limits. */
    static HttpResponseException tooMany() {
        return new HttpResponseException(429, "请求太频繁，请稍后再试。");
    }

    private static String notFound(Context ctx) {
        return "没有这个页面或接口。(not found: " + ctx.method() + " " + ctx.path() + "; the page is / and " + API + ")";
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null || message.isBlank() ? HttpStatus.forStatus(status).getMessage() : message));
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    /** The route template (/api/clauses/{id}), never the path as sent or its query. */
    private static String routeOf(Context ctx) {
        try {
            String p = ctx.endpointHandlerPath();
            return p == null || p.isEmpty() ? "(no route)" : p;
        } catch (RuntimeException e) {
            return "(no route)";
        }
    }

    /**
     * The exception's classes and where they were thrown, without their messages: a message may quote what the
     * applicant entered.
     */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (sb.length() > 0) sb.append(" <- ");
            sb.append(t.getClass().getName()).append(" at ").append(Arrays.stream(t.getStackTrace()).limit(6)
                    .map(StackTraceElement::toString).collect(Collectors.joining(" < ")));
        }
        return sb.toString();
    }
}
