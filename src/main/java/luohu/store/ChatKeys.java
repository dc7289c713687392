package luohu.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The pseudonyms chats are stored under: PBKDF2-HMAC-SHA256 of the chat id, keyed with a secret that is never in
 * the database — the configured secret (LUOHU_SECRET) or else a random key in {@code <data>/luohu.key}, created
 * readable by its owner only. The database alone therefore does not tell which chat a row belongs to, even for
 * ids as guessable as phone numbers; the iterations make guessing slow even with the key. Keys of chats in use
 * are remembered (bounded), so a turn does not pay the iterations again.
 */
final class ChatKeys {
    static final String KEY_FILE = "luohu.key";
    /** Enough to make guessing ids slow even with the key; paid once per chat in use (about a millisecond). */
    static final int ITERATIONS = 2_000;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final byte[] secret;
    private final Cache<String, String> memo = Caffeine.newBuilder().maximumSize(250_000).expireAfterAccess(java.time.Duration.ofHours(2))
            .executor(Runnable::run).build(); // upkeep on the caller: no hop to another thread per turn

    private ChatKeys(byte[] secret) {
        this.secret = secret;
    }

    /** From a configured secret when given (at least 16 characters), else from the data folder's key file. */
    static ChatKeys of(Path dataDir, String configuredSecret) {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            if (configuredSecret.strip().length() < 16) {
                throw new StoreException("LUOHU_SECRET is too short: use at least 16 characters (e.g. openssl rand -hex 16)", null);
            }
            return new ChatKeys(("luohu-secret:" + configuredSecret.strip()).getBytes(StandardCharsets.UTF_8));
        }
        return new ChatKeys(keyFile(dataDir.resolve(KEY_FILE)));
    }

    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // read below
                }
            }
            if (Files.getFileStore(file).supportsFileAttributeView("posix")
                    && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                Files.setPosixFilePermissions(file, OWNER_ONLY); // readable by others: made owner-only again
            }
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new StoreException(file + ": is not a luohu key file (64 hex digits); it was left untouched", null);
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new StoreException(file + ": the key file cannot be read or created (" + e.getMessage() + ")", e);
        }
    }

    /** The stored key of a chat: 64 hex digits. */
    String of(String chatId) {
        return memo.get(chatId, this::derive);
    }

    private String derive(String chatId) {
        byte[] id = SessionStore.idBytes(chatId);
        char[] password = new char[id.length];
        for (int i = 0; i < id.length; i++) password[i] = (char) (id[i] & 0xFF);
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            return HexFormat.of().formatHex(f.generateSecret(new PBEKeySpec(password, secret, ITERATIONS, 256)).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
