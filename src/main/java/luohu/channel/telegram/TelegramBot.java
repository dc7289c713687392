package luohu.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The running Telegram bot: long polling with telegrambots 9.x, one conversation per chat.
 * <p>
 * The polling thread only claims each update in the {@link UpdateJournal} (an id seen before is dropped: Telegram
 * repeats updates after a restart) and queues it on its chat's lane ({@link ChatLanes}); the lanes do the work,
 * one update at a time per chat, chats in parallel. Nothing thrown while handling an update reaches the library
 * (which would stop polling for good): it is logged and the chat gets an apology. All sending goes through
 * {@link Sender} (pacing, 429, retries).
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    static final List<String> COMMANDS = List.of("start", "help", "reset", "summary", "forget");
    private static final List<String> UPDATE_TYPES = List.of("message", "edited_message", "callback_query");

    private final Settings settings;
    private final BotIdentity me;
    private final UpdateJournal journal;
    private final UpdateHandler handler;
    private final ChatLanes lanes;
    private final OkHttpClient sendHttp, pollHttp;
    private final ScheduledExecutorService pollExecutor;
    private final TelegramBotsLongPollingApplication polling;
    /** Long polling: the updates taken on and not yet answered, with when they were taken on. */
    private final java.util.concurrent.ConcurrentSkipListMap<Integer, Long> inHand = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** An update in hand for longer than this, or this far behind the newest, no longer holds the offset back. */
    private static final long HOLD_MILLIS = 60_000;
    private static final int HOLD_UPDATES = 50;
    /** The webhook's HTTP server, in webhook mode (then nothing polls). */
    private volatile WebhookReceiver webhook;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();

    /** How the bot runs; {@link #defaults(TelegramUrl)} are the production values. */
    public record Settings(TelegramUrl url, int pollTimeoutSeconds, int threads, Duration requestTimeout,
                           long chatGapMillis, long groupGapMillis, long globalGapMillis, Sender.Settings retry,
                           Duration drainOnClose) {
        public static Settings defaults(TelegramUrl url) {
            return new Settings(url, 50, 32, Duration.ofSeconds(30), 1000, 3000, 34, Sender.Settings.defaults(),
                    Duration.ofSeconds(10));
        }

        /**
         * How long a webhook request waits for its update to be answered before it is told to come again (503):
         * under the time Telegram waits for an answer, so that it never gives up on a request still in hand.
         */
        Duration webhookWait() {
            return Duration.ofSeconds(50);
        }

        public Settings withGaps(long chatGapMillis, long groupGapMillis, long globalGapMillis) {
            return new Settings(url, pollTimeoutSeconds, threads, requestTimeout, chatGapMillis, groupGapMillis, globalGapMillis, retry, drainOnClose);
        }

        public Settings withPollTimeoutSeconds(int seconds) {
            return new Settings(url, seconds, threads, requestTimeout, chatGapMillis, groupGapMillis, globalGapMillis, retry, drainOnClose);
        }

        public Settings withRequestTimeout(Duration timeout) {
            return new Settings(url, pollTimeoutSeconds, threads, timeout, chatGapMillis, groupGapMillis, globalGapMillis, retry, drainOnClose);
        }

        public Settings withRetry(Sender.Settings retry) {
            return new Settings(url, pollTimeoutSeconds, threads, requestTimeout, chatGapMillis, groupGapMillis, globalGapMillis, retry, drainOnClose);
        }
    }

    /**
     * Webhook mode: Telegram posts updates to {@code url} (https, behind a TLS proxy), which reaches this process at
     * {@code host:port}; only requests carrying {@code secret} in X-Telegram-Bot-Api-Secret-Token are taken.
     * {@code extraRoutes} adds routes to its server (health, metrics).
     */
    public record Webhook(String url, String host, int port, String secret, java.util.function.Consumer<io.javalin.Javalin> extraRoutes) {
        public Webhook withRoutes(java.util.function.Consumer<io.javalin.Javalin> routes) {
            return new Webhook(url, host, port, secret, routes);
        }

        /** The URL's path: where the server takes updates. */
        String path() {
            String p = java.net.URI.create(url).getRawPath();
            return p == null || p.isEmpty() ? "/" : p;
        }
    }

    /** Why the bot did not start, with the exit code the command line should return. */
    public static final class StartFailure extends Exception {
        private final int exitCode;

        StartFailure(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private TelegramBot(Settings settings, BotIdentity me, UpdateJournal journal, UpdateHandler handler,
                        OkHttpClient sendHttp, OkHttpClient pollHttp) {
        this.settings = settings;
        this.me = me;
        this.journal = journal;
        this.handler = handler;
        this.lanes = new ChatLanes(settings.threads());
        this.sendHttp = sendHttp;
        this.pollHttp = pollHttp;
        this.pollExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-polling");
            t.setDaemon(true);
            return t;
        });
        this.polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollExecutor);
    }

    /**
     * Checks the token (getMe), registers the commands, and starts polling. A missing or rejected token and an
     * unreachable Bot API are a {@link StartFailure} with one line to show.
     *
     * @param engines  the assistant, asked for only once the token is known to be good (loading takes a while)
     * @param journals the journal for this bot, given who it is (so that each bot keeps its own)
     */
    public static TelegramBot start(String token, Settings settings, Supplier<ChatEngine> engines,
                                    Function<BotIdentity, UpdateJournal> journals) throws StartFailure {
        return start(token, settings, engines, journals, null);
    }

    /**
     * As {@link #start(String, Settings, Supplier, Function)}, in webhook mode when {@code webhook} is given: the
     * server listens first, then the webhook is registered with Telegram (setWebhook with the secret token).
     */
    public static TelegramBot start(String token, Settings settings, Supplier<ChatEngine> engines,
                                    Function<BotIdentity, UpdateJournal> journals, Webhook webhook) throws StartFailure {
        if (token == null || token.isBlank()) {
            throw new StartFailure("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token there", 2);
        }
        token = token.strip();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(64); // sends of many chats go out at once (OkHttp allows 5 by default)
        OkHttpClient sendHttp = new OkHttpClient.Builder().dispatcher(dispatcher).connectTimeout(Duration.ofSeconds(10))
                .readTimeout(settings.requestTimeout()).writeTimeout(settings.requestTimeout())
                .callTimeout(settings.requestTimeout().plusSeconds(5)).build();
        OkHttpClient pollHttp = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(settings.pollTimeoutSeconds() + 20L)).writeTimeout(Duration.ofSeconds(30)).build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(sendHttp, token, settings.url());
        BotIdentity me;
        try {
            me = identify(client, settings.url());
        } catch (StartFailure f) {
            shutdown(sendHttp);
            shutdown(pollHttp);
            throw f;
        }
        ChatEngine engine;
        BotTexts texts;
        UpdateJournal journal;
        try {
            engine = engines.get();
            texts = new BotTexts(engine.prompts());
            journal = journals.apply(me);
        } catch (RuntimeException e) {
            shutdown(sendHttp);
            shutdown(pollHttp);
            throw e;
        }
        Sender sender = new Sender(client, new Pacer(settings.chatGapMillis(), settings.groupGapMillis(), settings.globalGapMillis()),
                settings.retry());
        UpdateHandler handler = new UpdateHandler(engine, sender, new CallbackCodec(), me, texts);
        TelegramBot bot = new TelegramBot(settings, me, journal, handler, sendHttp, pollHttp);
        List<BotCommand> commands = COMMANDS.stream().map(c -> new BotCommand(c, texts.commandDescription(c))).toList();
        if (sender.execute("setMyCommands", SetMyCommands.builder().commands(commands).build()).isEmpty()) {
            LOG.warn("setMyCommands failed; the command menu may be out of date");
        }
        if (webhook != null) {
            try {
                bot.webhook = new WebhookReceiver(webhook, bot::offer, settings.webhookWait());
            } catch (RuntimeException e) {
                bot.close();
                throw new StartFailure("cannot listen on " + webhook.host() + ":" + webhook.port() + " for the webhook: " + Sender.summary(e), 2);
            }
            registerWebhook(client, webhook);
            LOG.info("Telegram bot @{} takes updates by webhook on {}:{}", me.username(), webhook.host(), bot.webhook.port());
            return bot;
        }
        try {
            int timeout = settings.pollTimeoutSeconds();
            bot.polling.registerBot(token, settings::url, last -> GetUpdates.builder().offset(bot.offset(last)).limit(100)
                    .timeout(timeout).allowedUpdates(UPDATE_TYPES).build(), bot::consume);
        } catch (TelegramApiException | RuntimeException e) {
            bot.close();
            throw new StartFailure("cannot start polling at " + describe(settings.url()) + ": " + Sender.summary(e), 1);
        }
        LOG.info("Telegram bot @{} is polling {}", me.username(), describe(settings.url()));
        return bot;
    }

    /**
     * getMe, tried again with growing waits (up to a minute) while the Bot API cannot be reached or answers 5xx: a
     * machine whose network comes up after the bot starts is no reason to stop. A rejected token is final.
     */
    private static BotIdentity identify(OkHttpTelegramClient client, TelegramUrl url) throws StartFailure {
        long wait = 1000;
        for (int attempt = 1; ; attempt++) {
            String why;
            try {
                User u = client.execute(new GetMe());
                return new BotIdentity(u.getId(), u.getUserName());
            } catch (TelegramApiException e) {
                why = "cannot reach the Bot API at " + describe(url) + ": " + Sender.summary(e);
                for (Throwable c = e; c != null; c = c.getCause()) {
                    if (c instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() > 0) {
                        int code = r.getErrorCode();
                        if (code == 401 || code == 404) {
                            throw new StartFailure("Telegram rejected the bot token (" + code + "): check TELEGRAM_BOT_TOKEN", 2);
                        }
                        if (code < 500 && code != 429) {
                            throw new StartFailure("getMe failed at " + describe(url) + ": " + code + " " + r.getApiResponse(), 1);
                        }
                        why = "getMe failed at " + describe(url) + ": " + code;
                    }
                }
            }
            LOG.warn("{}; trying again in {} s (attempt {})", why, wait / 1000, attempt);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new StartFailure(why, 1);
            }
            wait = Math.min(60_000, wait * 2);
        }
    }

    /** setWebhook with the secret token, tried again while the Bot API cannot be reached. */
    private static void registerWebhook(OkHttpTelegramClient client, Webhook webhook) throws StartFailure {
        org.telegram.telegrambots.meta.api.methods.updates.SetWebhook set = org.telegram.telegrambots.meta.api.methods.updates.SetWebhook
                .builder().url(webhook.url()).secretToken(webhook.secret()).allowedUpdates(UPDATE_TYPES).maxConnections(40).build();
        long wait = 1000;
        for (int attempt = 1; ; attempt++) {
            try {
                client.execute(set);
                return;
            } catch (TelegramApiException e) {
                Sender.Failure f = Sender.Failure.of(e);
                if (f.kind() == Sender.Kind.REFUSED) {
                    throw new StartFailure("Telegram refused the webhook " + webhook.url() + ": " + f.summary(), 2);
                }
                LOG.warn("setWebhook failed ({}); trying again in {} s (attempt {})", f.summary(), wait / 1000, attempt);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new StartFailure("setWebhook was interrupted", 1);
            }
            wait = Math.min(60_000, wait * 2);
        }
    }


    /** The Bot API server as scheme://host:port (never with the token). */
    static String describe(TelegramUrl url) {
        return url.getSchema() + "://" + url.getHost() + ":" + url.getPort();
    }

    /**
     * The offset of the next getUpdates: the oldest update still in hand, so that Telegram keeps it (and delivers it
     * again to the next process) until it was answered; a process killed meanwhile loses nothing it had confirmed.
     * The library drops what it has seen before, so nothing is handled twice here. While anything is held back,
     * Telegram answers at once: polls are then spaced half a second apart. An update in hand for over a minute (a
     * send waiting out a long 429), or fifty updates behind the newest, holds nothing back any more, so that one
     * chat's trouble never stops the others' updates from being fetched.
     */
    private int offset(int last) {
        long now = System.currentTimeMillis();
        inHand.entrySet().removeIf(e -> now - e.getValue() > HOLD_MILLIS || e.getKey() <= last - HOLD_UPDATES);
        if (inHand.isEmpty()) return last + 1;
        int oldest = inHand.firstKey();
        if (oldest > last) return last + 1;
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return oldest;
    }

    /** The library's batch consumer: claims and queues each update; never throws (that would stop polling). */
    private void consume(List<Update> updates) {
        for (Update u : updates) {
            try {
                Integer id = u.getUpdateId();
                if (id != null && !claim(id)) {
                    LOG.info("update {} was taken on before; not answering it again", id);
                    continue;
                }
                Optional<Chat> chat = UpdateHandler.chatOf(u);
                String lane = chat.map(c -> String.valueOf(c.getId())).orElse("no-chat");
                if (id != null) inHand.put(id, System.currentTimeMillis());
                lanes.submit(lane, () -> handle(u));
            } catch (Throwable t) {
                LOG.error("update {} could not be queued: {}", u.getUpdateId(), describe(t));
            }
        }
    }

    private boolean claim(int id) {
        try {
            return journal.take(id) == luohu.store.Claims.Outcome.TAKEN;
        } catch (RuntimeException e) {
            LOG.error("the update journal failed ({}); handling update {} anyway", e.getMessage(), id);
            return true;
        }
    }

    /**
     * An update posted to the webhook: claimed, then queued on its chat's lane. The future completes once it was
     * answered; DONE (answered before) and BUSY (another instance answers it now) complete at once with that outcome.
     */
    private java.util.concurrent.CompletableFuture<luohu.store.Claims.Outcome> offer(Update u) {
        Integer id = u.getUpdateId();
        luohu.store.Claims.Outcome taken = id == null ? luohu.store.Claims.Outcome.TAKEN : journal.take(id);
        if (taken != luohu.store.Claims.Outcome.TAKEN) {
            LOG.info("update {} is {}; not answering it here", id, taken);
            return java.util.concurrent.CompletableFuture.completedFuture(taken);
        }
        java.util.concurrent.CompletableFuture<luohu.store.Claims.Outcome> answered = new java.util.concurrent.CompletableFuture<>();
        String lane = UpdateHandler.chatOf(u).map(c -> String.valueOf(c.getId())).orElse("no-chat");
        lanes.submit(lane, () -> {
            try {
                handle(u);
            } finally {
                answered.complete(luohu.store.Claims.Outcome.DONE);
            }
        });
        return answered;
    }

    private void handle(Update u) {
        try {
            handler.handle(u);
        } catch (Throwable t) {
            luohu.common.Telemetry.error("telegram_update");
            LOG.error("update {} failed: {}", u.getUpdateId(), describe(t));
            try {
                handler.apologize(u);
            } catch (Throwable t2) {
                LOG.error("the apology for update {} failed too: {}", u.getUpdateId(), describe(t2));
            }
        }
        Integer id = u.getUpdateId();
        if (id == null) return;
        inHand.remove(id);
        try {
            journal.done(id);
        } catch (RuntimeException e) {
            LOG.error("the update journal failed to record update {} as answered ({})", id, e.getMessage());
        }
    }

    /** An exception for the log: its class and where it was thrown, not its message (which might quote a user). */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getName());
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(8, frames.length); i++) sb.append("\n\tat ").append(frames[i]);
        if (t.getCause() != null && t.getCause() != t) sb.append("\ncaused by ").append(describe(t.getCause()));
        return sb.toString();
    }

    public BotIdentity identity() {
        return me;
    }

    /** The port the webhook server listens on (webhook mode), else -1. */
    public int webhookPort() {
        WebhookReceiver w = webhook;
        return w == null ? -1 : w.port();
    }

    /** Blocks until {@link #close()} has run (from another thread or a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops polling, lets queued updates finish (up to the configured time), then releases everything. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) return;
        if (webhook != null) webhook.close(); // the webhook stays registered: other instances may still serve it
        try {
            polling.close();
        } catch (Exception e) {
            LOG.warn("stopping the polling failed: {}", Sender.summary(e));
        }
        pollExecutor.shutdownNow();
        lanes.shutdown(settings.drainOnClose().toMillis());
        try {
            journal.close();
        } catch (Exception e) {
            LOG.warn("closing the update journal failed: {}", Sender.summary(e));
        }
        shutdown(sendHttp);
        shutdown(pollHttp);
        closed.countDown();
    }

    private static void shutdown(OkHttpClient http) {
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}
