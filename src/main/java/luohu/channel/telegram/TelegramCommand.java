package luohu.channel.telegram;

import luohu.Assistant;
import luohu.cli.DataOptions;
import org.telegram.telegrambots.meta.TelegramUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code luohu telegram}: runs the Telegram bot until the process is stopped. */
@Command(name = "telegram", mixinStandardHelpOptions = true,
        description = {"Run the Telegram bot until stopped: long polling, or with --webhook the updates Telegram posts.",
                "Environment: TELEGRAM_BOT_TOKEN (required), TELEGRAM_API_URL (default https://api.telegram.org), "
                        + "TELEGRAM_WEBHOOK_SECRET (webhook mode; default: derived from the token), "
                        + "LUOHU_DATA (default ./data), LUOHU_STORE (conversations and the answered update ids)."})
public final class TelegramCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @picocli.CommandLine.Option(names = "--webhook", paramLabel = "URL",
            description = "Take updates by webhook at this public https URL (behind a TLS proxy) instead of long polling; "
                    + "every instance of one bot registers the same URL.")
    String webhook;

    @picocli.CommandLine.Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Where the webhook server listens, for the proxy to reach (default: " + DEFAULT_LISTEN + "); it also "
                    + "serves /healthz and /metrics. With long polling, given, it serves those two alone.")
    String listen;

    static final String DEFAULT_LISTEN = "127.0.0.1:8081";

    @picocli.CommandLine.Option(names = "--turn-threads", paramLabel = "N",
            description = "How many conversations' turns run at once (1 to 256; default: the cores less one, at least one). "
                    + "Raise it when sessions are kept in PostgreSQL, where a turn also waits on the network.")
    Integer turnThreads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(System.getenv(), spec.commandLine().getErr());
    }

    /** Starts the bot from the given environment and blocks until it is stopped; the exit code. */
    int run(Map<String, String> env, PrintWriter err) {
        Assistant[] assistant = {null};
        luohu.store.SessionStore[] store = {null};
        if (turnThreads != null && (turnThreads < 1 || turnThreads > 256)) {
            err.println("luohu: --turn-threads must be from 1 to 256, got " + turnThreads);
            return 2;
        }
        String token = env.get("TELEGRAM_BOT_TOKEN");
        if (token == null || token.isBlank()) {
            err.println("luohu: TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token there");
            return 2;
        }
        TelegramUrl url;
        try {
            url = apiUrl(env.get("TELEGRAM_API_URL"));
        } catch (IllegalArgumentException e) {
            err.println("luohu: " + e.getMessage());
            return 2;
        }
        TelegramBot.Webhook receiving = null;
        if (webhook != null) {
            try {
                receiving = webhook(webhook, listen == null ? DEFAULT_LISTEN : listen, env.get("TELEGRAM_WEBHOOK_SECRET"), token)
                        .withRoutes(app -> luohu.channel.web.OpsRoutes.add(app, () -> store[0] != null && store[0].reachable()));
            } catch (IllegalArgumentException e) {
                err.println("luohu: " + e.getMessage());
                return 2;
            }
        }
        io.javalin.Javalin ops = null;
        if (webhook == null && listen != null) {
            try {
                String[] hp = hostPort(listen);
                ops = io.javalin.Javalin.create(c -> {
                    c.showJavalinBanner = false;
                    c.startupWatcherEnabled = false;
                });
                luohu.channel.web.OpsRoutes.add(ops, () -> store[0] != null && store[0].reachable());
                ops.start(hp[0], Integer.parseInt(hp[1]));
            } catch (RuntimeException e) {
                err.println("luohu: --listen " + listen + ": " + e.getMessage());
                return 2;
            }
        }
        try {
            data.storeUrl();
        } catch (IllegalArgumentException e) {
            err.println("luohu: " + e.getMessage());
            if (ops != null) ops.stop();
            return 2;
        }
        Path dataDir = data.dataDir();
        try {
            TelegramBot bot = TelegramBot.start(token, TelegramBot.Settings.defaults(url),
                    () -> {
                        store[0] = data.store();
                        return ChatEngine.limited(ChatEngine.of(assistant[0] = data.withCodesAndCounters(data.assistant(store[0]))),
                                turnThreads != null ? turnThreads : ChatEngine.defaultTurns());
                    },
                    me -> new StoreUpdateJournal(store[0].claims(), me.id())
                            .importing(dataDir.resolve("telegram-" + me.id() + ".updates")), receiving);
            Thread hook = new Thread(bot::close, "telegram-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            err.println("luohu: Telegram bot @" + bot.identity().username() + " is running; stop it with Ctrl-C");
            err.flush();
            bot.awaitClose();
            return 0;
        } catch (TelegramBot.StartFailure f) {
            err.println("luohu: " + f.getMessage());
            return f.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (luohu.store.StoreException e) {
            err.println("luohu: " + e.getMessage());
            return 2;
        } finally {
            if (ops != null) ops.stop();
            if (assistant[0] != null) assistant[0].close();
            else if (store[0] != null) store[0].close();
        }
    }

    /** The webhook to register: an https URL, where to listen, and the secret token (given, or derived from the token). */
    static TelegramBot.Webhook webhook(String url, String listen, String secret, String token) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--webhook is not a URL; expected https://host/path");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--webhook must be an https URL with no query, e.g. https://bot.example.org/telegram (Telegram posts only to https)");
        }
        String[] hp = hostPort(listen);
        String host = hp[0];
        int port = Integer.parseInt(hp[1]);
        if (secret == null || secret.isBlank()) {
            secret = derivedSecret(token);
        } else if (!secret.strip().matches("[A-Za-z0-9_-]{16,256}")) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET must be 16 to 256 of A-Z a-z 0-9 _ - (e.g. openssl rand -hex 32)");
        }
        return new TelegramBot.Webhook(uri.toString(), host, port, secret.strip(), null);
    }

    /** HOST:PORT as its two parts. */
    static String[] hostPort(String listen) {
        int colon = listen.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--listen must be HOST:PORT, e.g. 127.0.0.1:8081");
        }
        if (colon < 1 || port < 0 || port > 65535) throw new IllegalArgumentException("--listen must be HOST:PORT, e.g. 127.0.0.1:8081");
        return new String[]{listen.substring(0, colon).replaceAll("^\\[|\\]$", ""), Integer.toString(port)};
    }

    /**
     * The secret token when none is configured: an HMAC of the bot token, the same in every instance of the bot and
     * of no use without the token.
     */
    static String derivedSecret(String token) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(token.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal("luohu webhook secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** TELEGRAM_API_URL as a TelegramUrl: scheme://host[:port], no path; the public Bot API when unset. */
    static TelegramUrl apiUrl(String value) {
        if (value == null || value.isBlank()) return TelegramUrl.DEFAULT_URL;
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TELEGRAM_API_URL is not a URL; expected scheme://host[:port], e.g. http://127.0.0.1:8081");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean noPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !noPath
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must be http(s)://host[:port] with no path, e.g. http://127.0.0.1:8081");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }
}
