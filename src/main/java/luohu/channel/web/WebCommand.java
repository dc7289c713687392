package luohu.channel.web;

import luohu.Assistant;
import luohu.cli.DataOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/** {@code luohu web}: serves the front-desk console until stopped. */
@Command(name = "web", mixinStandardHelpOptions = true,
        description = "Serve the front-desk console (the page and its JSON API). Bound beyond loopback, it requires "
                + "the access token in LUOHU_WEB_TOKEN.")
public final class WebCommand implements Callable<Integer> {
    static final String TOKEN_ENV = "LUOHU_WEB_TOKEN";
    /** Web chats kept at most, and how long one is kept idle. */
    static final long CHATS_KEPT = 10_000;
    static final java.time.Duration CHAT_IDLE = java.time.Duration.ofHours(2);
    /** The environment, replaceable in tests. */
    static UnaryOperator<String> env = System::getenv;

    @Mixin
    DataOptions data;

    @Option(names = "--port", defaultValue = "8080", description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "The address to listen on (default: ${DEFAULT-VALUE}). Any other than loopback requires " + TOKEN_ENV + ".")
    String bind;

    private luohu.store.SessionStore store() {
        if (!data.storeNamed() || data.storeUrl().kind() == luohu.store.StoreUrl.Kind.MEMORY) {
            return new luohu.store.MemoryStore(CHATS_KEPT, CHAT_IDLE, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        }
        return new luohu.store.ShortLivedStore(data.store(), CHAT_IDLE);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (port < 0 || port > 65535) {
            err.println("luohu: --port must be from 0 to 65535, not " + port);
            return 2;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            err.println("luohu: --bind: no such address \"" + bind + "\"");
            return 2;
        }
        String token = env.apply(TOKEN_ENV);
        if (token != null && token.isBlank()) token = null;
        if (token != null && token.strip().length() < TokenCheck.MIN_LENGTH) {
            err.println("luohu: " + TOKEN_ENV + " is too short: use at least " + TokenCheck.MIN_LENGTH + " characters, e.g. $(openssl rand -hex 16)");
            return 2;
        }
        if (token == null && !address.isLoopbackAddress()) {
            err.println("luohu: listening on " + bind + " (beyond loopback) needs an access token: set " + TOKEN_ENV + " and give it to the staff");
            return 2;
        }
        // the console is used with the applicant at the desk: its chats are kept until 新对话 or two hours idle. By
        // default in memory only (nothing is written to the data folder, which the bot may be using); in the store
        // named with --store, so that several instances behind one address share them
        Assistant assistant;
        try {
            assistant = data.assistant(store());
        } catch (RuntimeException e) {
            err.println("luohu: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        }
        try {
            // pre-check codes and the report's counters are shared with the bot through the data folder's database
            // (no folder lock: the bot may run on it at the same time), or the named store's database; --memory keeps
            // them in this process only
            data.withCodesAndCounters(assistant);
        } catch (RuntimeException e) {
            assistant.close();
            err.println("luohu: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        }
        WebServer server;
        try {
            server = new WebServer(assistant, token).start(bind, port);
        } catch (RuntimeException e) {
            assistant.close();
            err.println("luohu: cannot listen on " + bind + ":" + port + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        }
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : bind;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("落户助手 front desk: http://" + host + ":" + server.port() + "/" + (token == null ? "" : "?token=<" + TOKEN_ENV + ">"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            assistant.close();
            stopped.countDown();
        }, "luohu-web-stop"));
        stopped.await();
        return 0;
    }
}
