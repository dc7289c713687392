package luohu.channel.telegram;

import java.util.HashMap;
import java.util.Map;

/**
 * Spaces messages out to stay inside Telegram's limits: at most one message per {@code chatGapMillis} in a chat
 * ({@code groupGapMillis} in a group) and one per {@code globalGapMillis} overall. {@link #acquire} reserves the
 * next free slot and sleeps until it; {@link #hold} keeps a chat quiet after a 429.
 */
public final class Pacer {
    private final long chatGapNanos, groupGapNanos, globalGapNanos;
    private final Map<Long, Long> chatNext = new HashMap<>();
    private long globalNext;

    public Pacer(long chatGapMillis, long groupGapMillis, long globalGapMillis) {
        this.chatGapNanos = chatGapMillis * 1_000_000;
        this.groupGapNanos = groupGapMillis * 1_000_000;
        this.globalGapNanos = globalGapMillis * 1_000_000;
        this.globalNext = System.nanoTime();
    }

    /** Telegram's published limits: about 1 message/s per chat, 20/min per group, 30/s overall. */
    public static Pacer telegramLimits() {
        return new Pacer(1000, 3000, 34);
    }

    /** Waits until this chat, and then the bot as a whole, may send one more message. */
    public void acquire(long chatId, boolean group) throws InterruptedException {
        sleepUntil(reserveChat(chatId, group ? groupGapNanos : chatGapNanos));
        sleepUntil(reserveGlobal());
    }

    /** Nothing more is sent to the chat for the given time (Telegram's retry_after). */
    public synchronized void hold(long chatId, long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        chatNext.merge(chatId, until, Math::max);
    }

    private synchronized long reserveChat(long chatId, long gap) {
        long now = System.nanoTime();
        if (chatNext.size() > 50_000) chatNext.values().removeIf(t -> t - now < 0); // forget idle chats
        long slot = Math.max(now, chatNext.getOrDefault(chatId, now));
        chatNext.put(chatId, slot + gap);
        return slot;
    }

    private synchronized long reserveGlobal() {
        long now = System.nanoTime();
        long slot = Math.max(now, globalNext);
        globalNext = slot + globalGapNanos;
        return slot;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
}
