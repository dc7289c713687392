package luohu.channel.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Limits per client (its address), on top of the assistant's per-chat flood guard: API requests, and new chats
 * started, each a token bucket. One client cannot fill the database with chats or crowd the others out.
 * Everything kept is bounded and expires when idle.
 */
final class ClientLimits {
    /**
     * @param requestBurst      API requests a client may make at once
     * @param requestsPerSecond and sustained
     * @param chatBurst         new chats a client may start at once
     * @param chatsPerHour      and sustained
     */
    record Limits(int requestBurst, double requestsPerSecond, int chatBurst, double chatsPerHour,
                  int wrongTokenBurst, double wrongTokensPerHour) {
        /** Far above what a desk does (a form re-assessed on each change, an applicant every few minutes). */
        static final Limits DEFAULT = new Limits(200, 20, 30, 180, 10, 60);

        Limits(int requestBurst, double requestsPerSecond, int chatBurst, double chatsPerHour) {
            this(requestBurst, requestsPerSecond, chatBurst, chatsPerHour, DEFAULT.wrongTokenBurst, DEFAULT.wrongTokensPerHour);
        }
    }

    private final Limits limits;
    private final LongSupplier nanos;
    private final Cache<String, TokenBucket> requests;
    private final Cache<String, TokenBucket> chats;
    private final Cache<String, Boolean> seenChats;
    private final Cache<String, TokenBucket> wrongTokens;

    ClientLimits(Limits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
        this.requests = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();
        this.chats = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(2)).build();
        this.seenChats = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofHours(2)).build();
        this.wrongTokens = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(2)).build();
    }

    /**
     * Whether a client may try a token now: after {@code wrongTokenBurst} wrong ones it may try one a minute
     * (by default), so guessing is slow; the right token does not help while it waits.
     */
    boolean mayTryToken(String client) {
        TokenBucket b = wrongTokens.getIfPresent(client);
        return b == null || b.available(nanos.getAsLong());
    }

    /** Records a wrong token presented by a client. */
    void wrongToken(String client) {
        wrongTokens.get(client, k -> new TokenBucket(limits.wrongTokenBurst(), limits.wrongTokensPerHour() / 3600e9, nanos.getAsLong()))
                .take(nanos.getAsLong());
    }

    /** Records an API request of a client; false when it is one too many. */
    boolean allowRequest(String client) {
        return requests.get(client, k -> new TokenBucket(limits.requestBurst(), limits.requestsPerSecond() / 1e9, nanos.getAsLong()))
                .take(nanos.getAsLong());
    }

    /** Records a message to a chat; a chat this client has not used lately takes a new-chat token. */
    boolean allowChat(String client, String chat) {
        String key = client + "\u0001" + chat;
        if (seenChats.getIfPresent(key) != null) return true;
        boolean ok = chats.get(client, k -> new TokenBucket(limits.chatBurst(), limits.chatsPerHour() / 3600e9, nanos.getAsLong()))
                .take(nanos.getAsLong());
        if (ok) seenChats.put(key, Boolean.TRUE);
        return ok;
    }
}
