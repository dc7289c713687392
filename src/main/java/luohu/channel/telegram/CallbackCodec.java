package luohu.channel.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Quick-reply options to inline-button callback data (at most {@value #MAX_BYTES} bytes) and back.
 * <p>
 * An option whose UTF-8 form fits is carried in the data itself ({@code "t:" + option}): such a button resolves to
 * its option for ever, across restarts and whatever was sent since. A longer option is carried as a 128-bit hash of
 * its text ({@code "h:" + 22 base64url characters}) and remembered here, so its button resolves as long as the
 * process runs and the option is among the most recent {@code capacity} long ones. Options are texts the assistant
 * offers (places, answers to its questions), not what users typed, so nothing here is about a person.
 */
public final class CallbackCodec {
    /** Telegram's limit on callback data. */
    public static final int MAX_BYTES = 64;
    private static final String TEXT = "t:", HASH = "h:";
    private final Cache<String, String> longOptions;

    public CallbackCodec() {
        this(100_000);
    }

    public CallbackCodec(long capacity) {
        this.longOptions = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /** Callback data of at most {@value #MAX_BYTES} UTF-8 bytes that {@link #decode} turns back into the option. */
    public String encode(String option) {
        String inline = TEXT + option;
        if (inline.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) return inline;
        String data = HASH + hash(option);
        longOptions.put(data, option);
        return data;
    }

    /** The option a button stands for; empty for data this codec did not make or no longer remembers. */
    public Optional<String> decode(String data) {
        if (data == null) return Optional.empty();
        if (data.startsWith(TEXT) && data.length() > TEXT.length()) return Optional.of(data.substring(TEXT.length()));
        if (data.startsWith(HASH)) return Optional.ofNullable(longOptions.getIfPresent(data));
        return Optional.empty();
    }

    private static String hash(String option) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(option.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
