package luohu;

import luohu.answer.PrecheckSheet;
import luohu.store.PrecheckCode;
import luohu.store.PrecheckCodes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Issues and opens pre-check codes (预审码). A code is drawn at random, shown once to the person, and kept only as
 * its hash with the snapshot the sheet was made from, until it expires ({@link #DEFAULT_DAYS} days unless configured).
 */
public final class Precheck {
    public static final int DEFAULT_DAYS = 14;
    /** Dates of codes are the registration office's dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final PrecheckCodes codes;
    private final Duration ttl;
    private final Clock clock;

    /** A code just issued: the code as the person reads it, and its dates. */
    public record Issued(PrecheckSheet sheet, String code, LocalDate issued, LocalDate expires, int days) {
    }

    public Precheck(PrecheckCodes codes, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("the pre-check codes' time to live must be positive, not " + ttl);
        this.codes = codes;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Issues a code for a sheet of the chat with pseudonym {@code chatKey}; its snapshot is what the sheet was made from. */
    public Issued issue(PrecheckSheet sheet, luohu.policy.Facts facts, String chatKey) {
        String code = PrecheckCode.generate();
        long now = clock.millis();
        long expires = now + ttl.toMillis();
        codes.put(PrecheckCode.hash(PrecheckCode.normalise(code)), chatKey, new PrecheckCodes.Entry(sheet.place(), facts, sheet.pathwayId(), now, expires));
        return new Issued(sheet, code, date(now), date(expires), (int) ttl.toDays());
    }

    /** The snapshot of a code as typed, when it is a code that exists and has not expired. */
    public Optional<PrecheckCodes.Entry> open(String typed) {
        String normalised = PrecheckCode.normalise(typed);
        if (normalised == null) return Optional.empty();
        return codes.open(PrecheckCode.hash(normalised), clock.millis());
    }

    /** Deletes the codes issued to a chat (by its pseudonym). */
    public int forget(String chatKey) {
        return codes.deleteChat(chatKey);
    }

    public int purgeExpired() {
        return codes.purgeExpired(clock.millis());
    }

    public static LocalDate date(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZONE).toLocalDate();
    }

    public Duration ttl() {
        return ttl;
    }

    void close() {
        codes.close();
    }
}
