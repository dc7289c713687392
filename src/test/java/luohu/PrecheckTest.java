package luohu;

import luohu.dialog.Session;
import luohu.store.MemoryStore;
import luohu.store.PrecheckCode;
import luohu.store.PrecheckCodes;
import luohu.store.SqlitePrecheckCodes;
import luohu.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pre-check codes: their form, issuing one from a conversation, opening, expiry and /forget, in memory and SQLite. */
class PrecheckTest {
    static final Pattern CODE = Pattern.compile("预审码：([2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2})");

    /** A clock the test moves on. */
    static final class MovingClock extends Clock {
        private Instant now = TestAssistants.CLOCK.instant();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static String codeIn(String reply) {
        Matcher m = CODE.matcher(reply);
        assertTrue(m.find(), "a code in: " + reply);
        return m.group(1);
    }

    @Test
    void codesAreReadableAndNormaliseAsTyped() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String c = PrecheckCode.generate();
            assertTrue(c.matches("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}"), c);
            seen.add(c);
        }
        assertEquals(2000, seen.size(), "no code drawn twice in 2,000");
        assertEquals("ABCD2345XY", PrecheckCode.normalise(" abcd 2345-xy "));
        assertEquals("ABCD2345XY", PrecheckCode.normalise("ＡＢＣＤ－２３４５－ＸＹ"));
        assertNull(PrecheckCode.normalise("ABCD-2345-X0"), "0 is not in the alphabet");
        assertNull(PrecheckCode.normalise("ABCD-2345"), "too short");
        assertEquals(64, PrecheckCode.hash("ABCD2345XY").length());
    }

    @Test
    void aCodeIsIssuedAfterAnAnswerAndOpensTheSameFacts() {
        Assistant a = TestAssistants.fresh();
        Assistant.Answered before = a.answer("c1", "生成预审单");
        assertNull(before.issued());
        assertFalse(CODE.matcher(before.reply().text()).find());
        Assistant.Answered answered = a.answer("c1", "我在二连浩特有自己的房子，想落户");
        assertTrue(answered.sheetReady(), "the answer offers the sheet");
        Assistant.Answered sheet = a.answer("c1", "生成预审单");
        assertNotNull(sheet.issued());
        String code = codeIn(sheet.reply().text());
        assertEquals(sheet.issued().code(), code);
        PrecheckCodes.Entry e = a.precheck().open(code.toLowerCase().replace("-", " ")).orElseThrow();
        assertEquals("二连浩特市", e.place());
        assertEquals("own", e.facts().get("housing").orElseThrow());
        assertNotNull(e.pathway());
        assertTrue(a.precheck().open("2345-6789-AB").isEmpty(), "a code never issued opens nothing");
    }

    @Test
    void expiredCodesDoNotOpenAndAreDeleted(@TempDir Path dir) {
        MovingClock clock = new MovingClock();
        Path file = dir.resolve(SqliteStore.FILE);
        try (Assistant a = new Assistant(TestAssistants.model(), TestAssistants.dialogs(), new MemoryStore(), clock)
                .withPrecheck(SqlitePrecheckCodes.open(file, clock.millis()), Duration.ofDays(3))) {
            a.reply("c", "我在聊城买了房，想落户");
            String code = codeIn(a.reply("c", "生成预审单").text());
            assertTrue(a.reply("c", "生成预审单").text().contains("有效期3天"));
            clock.advance(Duration.ofDays(2));
            assertTrue(a.precheck().open(code).isPresent(), "open within its days");
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertTrue(a.precheck().open(code).isEmpty(), "closed after its days");
        }
        // the expired rows are gone from the file, not just hidden
        try (SqlitePrecheckCodes codes = SqlitePrecheckCodes.open(file, 0)) {
            assertEquals(0, codes.purgeExpired(Long.MAX_VALUE), "nothing left to expire: deleted on opening and at start");
        }
    }

    @Test
    void forgetDeletesTheChatsCodesOnly(@TempDir Path dir) {
        MovingClock clock = new MovingClock();
        Path file = dir.resolve(SqliteStore.FILE);
        try (Assistant a = new Assistant(TestAssistants.model(), TestAssistants.dialogs(), SqliteStore.open(dir, Duration.ofDays(30), clock), clock)
                .withPrecheck(SqlitePrecheckCodes.open(file, clock.millis()), Duration.ofDays(14))) {
            for (String chat : new String[]{"p", "q", "r"}) a.reply(chat, "我在聊城买了房，想落户");
            String p = codeIn(a.reply("p", "生成预审单").text());
            String q = codeIn(a.reply("q", "预审码").text());
            String r = codeIn(a.reply("r", "/summary").text());
            a.reply("p", "删除我的信息");
            assertTrue(a.precheck().open(p).isEmpty(), "删除我的信息 deletes the code");
            a.forget("q");
            assertTrue(a.precheck().open(q).isEmpty(), "/forget deletes the code");
            Optional<PrecheckCodes.Entry> other = a.precheck().open(r);
            assertTrue(other.isPresent(), "another chat's code stays");
        }
    }

    @Test
    void theSnapshotIsTheSessionsFactsNotItsText() {
        Assistant a = TestAssistants.fresh();
        a.reply("s", "我在赤峰租房两年了，备案了，能落户吗");
        Session s = a.turn("s", "生成预审单").session();
        String code = codeIn(a.reply("s", "生成预审单").text());
        PrecheckCodes.Entry e = a.precheck().open(code).orElseThrow();
        assertEquals(s.facts(), e.facts());
        assertEquals(s.place(), e.place());
    }
}
