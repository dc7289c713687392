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
        description = {"Run the Telegram bot (long polling) until stopped.",
                "Environment: TELEGRAM_BOT_TOKEN (required), TELEGRAM_API_URL (default https://api.telegram.org), "
                        + "LUOHU_DATA (default ./data: conversations and the answered update ids)."})
public final class TelegramCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return run(System.getenv(), spec.commandLine().getErr());
    }

    /** Starts the bot from the given environment and blocks until it is stopped; the exit code. */
    int run(Map<String, String> env, PrintWriter err) {
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
        Path dataDir = data.dataDir();
        Assistant[] assistant = {null};
        try {
            TelegramBot bot = TelegramBot.start(token, TelegramBot.Settings.defaults(url),
                    () -> ChatEngine.of(assistant[0] = data.assistant()),
                    me -> FileUpdateJournal.open(dataDir.resolve("telegram-" + me.id() + ".updates")));
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
        } finally {
            if (assistant[0] != null) assistant[0].close();
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
