package luohu.store;

import luohu.Assistant;
import luohu.TestAssistants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With PostgreSQL, pre-check codes and the report's counters live in the shared database: a code issued by one
 * instance opens at another, /forget on any instance deletes it, expired codes do not open, and the counters of both
 * instances add up.
 */
class PostgresCodesAndCountersTest {
    private static final Pattern CODE = Pattern.compile("预审码：([2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2})");
    @TempDir
    Path data;
    private StoreUrl url;

    @BeforeEach
    void database() throws Exception {
        assumeTrue(PostgresServer.shared() != null, PostgresServer.whyNot());
        url = StoreUrl.parse(PostgresServer.shared().newDatabase(), null);
    }

    private Assistant instance(SqliteStoreTest.ManualClock clock, SessionStore store) {
        return new Assistant(TestAssistants.model(), TestAssistants.dialogs(), store, clock)
                .withPrecheck(store.sharedPrecheckCodes(), Duration.ofDays(3)).withCounters(store.sharedAskCounters());
    }

    private static String codeIn(String reply) {
        Matcher m = CODE.matcher(reply);
        assertTrue(m.find(), "a code in: " + reply);
        return m.group(1);
    }

    @Test
    void aCodeIssuedByOneInstanceOpensAtAnotherUntilForgottenOrExpired() {
        SqliteStoreTest.ManualClock clock = new SqliteStoreTest.ManualClock();
        String secret = PostgresStoreContractTest.SECRET;
        try (SessionStore s1 = PostgresStore.open(url, data, Duration.ofDays(30), clock, secret);
             SessionStore s2 = PostgresStore.open(url, data, Duration.ofDays(30), clock, secret)) {
            Assistant first = instance(clock, s1), second = instance(clock, s2);
            first.reply("p", "我在聊城买了房，想落户");
            String p = codeIn(first.reply("p", "生成预审单").text());
            second.reply("q", "我在聊城买了房，想落户");
            String q = codeIn(second.reply("q", "生成预审单").text());
            assertTrue(second.precheck().open(p).isPresent(), "issued by the first, opened at the second");
            assertTrue(first.precheck().open(q).isPresent());
            assertTrue(second.precheck().open(p).orElseThrow().place().contains("聊城"));

            second.forget("p"); // the chat's next message reached the other instance
            assertTrue(first.precheck().open(p).isEmpty(), "/forget on any instance deletes the code");
            clock.millis.addAndGet(Duration.ofDays(3).plusMinutes(1).toMillis());
            assertTrue(first.precheck().open(q).isEmpty(), "closed after its days");

            List<AskCounters.Count> counts = PostgresStore.counters(url);
            assertFalse(counts.isEmpty(), "both instances counted");
            assertEquals(counts, s1.sharedAskCounters().all());
            long issued = counts.stream().filter(c -> c.key().contains("issued")).mapToLong(AskCounters.Count::n).sum();
            assertEquals(2, issued, "the codes of both instances add up: " + counts);
        }
    }
}
