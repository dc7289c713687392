package luohu.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A pre-check code as people read it aloud and type it: ten characters of an alphabet without look-alikes (Crockford's
 * base 32 less 0 and 1, so no O/0, I/1/L and no U), grouped as {@code XXXX-XXXX-XX}. Ten characters of 30 are about
 * 49 bits, drawn from {@link SecureRandom}. Only the hash of the normalised code is ever stored.
 */
public final class PrecheckCode {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrecheckCode() {
    }

    /** A new code, grouped for reading aloud. */
    public static String generate() {
        return generate(RANDOM);
    }

    static String generate(SecureRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return group(sb.toString());
    }

    /** "ABCD-EFGH-JK" from "ABCDEFGHJK". */
    static String group(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /**
     * A code as typed (lower case, full-width, spaces or dashes anywhere) in its canonical form, or null when it cannot
     * be a code: then nothing need be looked up.
     */
    public static String normalise(String typed) {
        if (typed == null) return null;
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).replaceAll("[\\s\\-_—–－.·]", "");
        if (s.length() != LENGTH) return null;
        for (int i = 0; i < s.length(); i++) if (ALPHABET.indexOf(s.charAt(i)) < 0) return null;
        return s;
    }

    /** The stored form: SHA-256 of the normalised code, in hex. */
    public static String hash(String normalised) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
