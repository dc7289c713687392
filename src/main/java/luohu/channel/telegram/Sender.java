package luohu.channel.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Everything the bot sends goes through here. Messages are paced ({@link Pacer}); a 429 is waited out for its
 * retry_after; 5xx answers, unreadable answers and network faults (timeouts included) are retried with exponential
 * backoff and jitter until {@link Settings#giveUpMillis()} has passed; other refusals (400, 403: blocked by the
 * user, ...) are final. A message Telegram refuses with 400 is sent once more as plain text without buttons, so
 * that a formatting problem never swallows an answer. Nothing here logs a message text or a request URL.
 */
public final class Sender {
    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    private final TelegramClient client;
    private final Pacer pacer;
    private final Settings settings;
    private static final long SHORT_PATIENCE_MILLIS = 10_000;

    /** Backoff for transient faults: first wait, longest wait, and how long a message is tried before giving up. */
    public record Settings(long backoffMillis, long maxBackoffMillis, long giveUpMillis) {
        public static Settings defaults() {
            return new Settings(500, 30_000, 3_600_000);
        }
    }

    public Sender(TelegramClient client, Pacer pacer, Settings settings) {
        this.client = client;
        this.pacer = pacer;
        this.settings = settings;
    }

    /**
     * Sends one message (HTML parse mode; the text is escaped here) and returns once Telegram accepted it, or once
     * it is clear it never will (false: refused, given up, or interrupted by shutdown).
     */
    public boolean sendText(long chatId, boolean group, String text, InlineKeyboardMarkup keyboard) {
        Outcome<?> sent = call("sendMessage", chatId, group, true, () -> SendMessage.builder()
                .chatId(chatId).text(HtmlEscaper.escape(text)).parseMode(ParseMode.HTML).replyMarkup(keyboard).build());
        if (sent.delivered()) return true;
        if (sent.refusal() != null && sent.refusal().badRequest()) {
            LOG.warn("sendMessage refused as a bad request; sending it again as plain text without buttons");
            return call("sendMessage", chatId, group, true, () -> SendMessage.builder().chatId(chatId).text(text).build()).delivered();
        }
        return false;
    }

    /**
     * Sends a file (the pre-check sheet's PDF) as a document, paced like a message; a 429 is waited out and faults
     * are retried with backoff for as long as a message would be. False when it was not delivered.
     */
    public boolean sendDocument(long chatId, boolean group, byte[] content, String fileName, String caption) {
        long giveUpAt = System.currentTimeMillis() + settings.giveUpMillis();
        long backoff = settings.backoffMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                pacer.acquire(chatId, group);
                client.execute(org.telegram.telegrambots.meta.api.methods.send.SendDocument.builder().chatId(chatId)
                        .document(new org.telegram.telegrambots.meta.api.objects.InputFile(new java.io.ByteArrayInputStream(content), fileName))
                        .caption(caption).build());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (TelegramApiException | RuntimeException e) {
                Failure f = Failure.of(e);
                long wait;
                if (f.kind() == Kind.RATE_LIMITED) {
                    wait = f.retryAfterMillis();
                    pacer.hold(chatId, wait);
                } else if (f.kind() == Kind.TRANSIENT) {
                    wait = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                    backoff = Math.min(settings.maxBackoffMillis(), backoff * 2);
                } else {
                    LOG.warn("sendDocument refused for good: {}", f.summary());
                    return false;
                }
                LOG.warn("sendDocument failed ({}), retrying in {} ms (attempt {})", f.summary(), wait, attempt);
                if (System.currentTimeMillis() + wait > giveUpAt) return false;
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** Shows "typing…" in the chat; best effort, not waited for, not retried. */
    public void typing(long chatId) {
        try {
            client.executeAsync(SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build())
                    .exceptionally(e -> {
                        LOG.debug("sendChatAction failed: {}", Sender.summary(e));
                        return false;
                    });
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("sendChatAction failed: {}", Sender.summary(e));
        }
    }

    /** Stops the button's spinner, optionally with a short notice; not paced, retried for a few seconds only. */
    public boolean answerCallback(String callbackQueryId, String notice) {
        return call("answerCallbackQuery", 0, false, false, () -> AnswerCallbackQuery.builder()
                .callbackQueryId(callbackQueryId).text(notice).build()).delivered();
    }

    /** Any other method; not paced, retried for a few seconds only; empty when it failed. */
    public <T extends Serializable> Optional<T> execute(String name, BotApiMethod<T> method) {
        return Optional.ofNullable(call(name, 0, false, false, () -> method).value());
    }

    /** The answer of a request that went through, or why it did not ({@code refusal} set when Telegram said no). */
    private record Outcome<T>(boolean delivered, T value, Failure refusal) {
        static <T> Outcome<T> failed(Failure refusal) {
            return new Outcome<>(false, null, refusal);
        }
    }

    private <T extends Serializable> Outcome<T> call(String name, long chatId, boolean group, boolean paced,
                                                    Supplier<BotApiMethod<T>> method) {
        // a message is tried for as long as the settings say; anything else (a button's answer goes stale within
        // seconds, setMyCommands holds up the start) only briefly
        long patience = paced ? settings.giveUpMillis() : Math.min(settings.giveUpMillis(), SHORT_PATIENCE_MILLIS);
        long giveUpAt = System.currentTimeMillis() + patience;
        long backoff = settings.backoffMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                if (paced) pacer.acquire(chatId, group);
                Outcome<T> ok = new Outcome<>(true, client.execute(method.get()), null);
                count(name, "delivered");
                return ok;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("{} not delivered: interrupted (shutting down)", name);
                return Outcome.failed(null);
            } catch (TelegramApiException | RuntimeException e) {
                Failure f = Failure.of(e);
                long wait;
                switch (f.kind) {
                    case RATE_LIMITED -> {
                        retry(name, "429");
                        wait = f.retryAfterMillis;
                        if (paced) pacer.hold(chatId, wait);
                        LOG.warn("{} got 429, retrying after {} ms (attempt {})", name, wait, attempt);
                    }
                    case TRANSIENT -> {
                        retry(name, "transient");
                        wait = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                        backoff = Math.min(settings.maxBackoffMillis(), backoff * 2);
                        LOG.warn("{} failed ({}), retrying in {} ms (attempt {})", name, f.summary, wait, attempt);
                    }
                    default -> {
                        count(name, "refused");
                        LOG.warn("{} refused for good: {}", name, f.summary);
                        return Outcome.failed(f);
                    }
                }
                if (System.currentTimeMillis() + wait > giveUpAt) {
                    count(name, "given_up");
                    luohu.common.Telemetry.error("telegram_send");
                    LOG.error("{} not delivered: still failing after {} attempts ({})", name, attempt, f.summary);
                    return Outcome.failed(null);
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    LOG.warn("{} not delivered: interrupted (shutting down)", name);
                    return Outcome.failed(null);
                }
            }
        }
    }

    /** Requests to the Bot API by method and outcome (delivered, refused, given_up): luohu.telegram.sends. */
    private static void count(String method, String outcome) {
        luohu.common.Telemetry.registry().counter("luohu.telegram.sends", "method", method, "outcome", outcome).increment();
    }

    /** Retries by method and reason (429, transient): luohu.telegram.retries. */
    private static void retry(String method, String reason) {
        luohu.common.Telemetry.registry().counter("luohu.telegram.retries", "method", method, "reason", reason).increment();
    }

    enum Kind { RATE_LIMITED, TRANSIENT, REFUSED }

    /** What went wrong with a request, and what to do about it. */
    record Failure(Kind kind, long retryAfterMillis, boolean badRequest, String summary) {
        static Failure of(Throwable e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() > 0) {
                    int code = r.getErrorCode();
                    String s = code + " " + (r.getApiResponse() == null ? "" : r.getApiResponse());
                    if (code == 429) {
                        Integer after = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
                        return new Failure(Kind.RATE_LIMITED, 1000L * (after == null || after < 1 ? 1 : after), false, s);
                    }
                    if (code >= 500) return new Failure(Kind.TRANSIENT, 0, false, s);
                    return new Failure(Kind.REFUSED, 0, code == 400, s);
                }
                if (c instanceof TelegramApiValidationException) return new Failure(Kind.REFUSED, 0, true, Sender.summary(c));
                if (c instanceof IOException) return new Failure(Kind.TRANSIENT, 0, false, Sender.summary(c));
            }
            // an answer that could not be read (an HTML error page from a proxy, an empty body): try again
            return new Failure(Kind.TRANSIENT, 0, false, Sender.summary(e));
        }
    }

    /** The exception's class and message, never a URL (OkHttp's messages name host and port only). */
    static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
