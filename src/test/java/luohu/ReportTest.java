package luohu;

import luohu.store.MemoryStore;
import luohu.store.SqliteAskCounters;
import luohu.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The office's report counts asks, answers, silences, fallbacks and codes per document and week, and keeps them. */
class ReportTest {
    @Test
    void theCountsOfAWeekSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve(SqliteStore.FILE);
        try (Assistant a = new Assistant(TestAssistants.model(), TestAssistants.dialogs(), new MemoryStore(), TestAssistants.CLOCK)
                .withCounters(SqliteAskCounters.open(file))) {
            a.reply("r1", "你好");                               // a greeting is not an ask
            a.reply("r1", "我在二连浩特有自己的房子，想落户");      // answered, on the own-home pathway
            a.reply("r1", "今天天气怎么样");                      // falls back: out of scope
            a.reply("r1", "办下来要多少钱");                      // the document says nothing of fees
            Matcher m = PrecheckTest.CODE.matcher(a.reply("r1", "生成预审单").text());
            assertTrue(m.find());
            assertTrue(a.precheck().open(m.group(1)).isPresent());
            a.tally().opened("erlianhaote");
            a.reply("r2", "在赤峰租房能落户吗");                   // another document
        }
        List<AskReport.Week> weeks;
        try (SqliteAskCounters again = SqliteAskCounters.open(file)) {
            weeks = AskReport.of(again.all());
        }
        AskReport.Week erl = weeks.stream().filter(w -> w.document().equals("erlianhaote")).findFirst().orElseThrow();
        assertEquals("2026-W47", erl.week());
        assertEquals(3, erl.asks(), erl.toString());
        assertEquals(1, erl.answered(), erl.toString());
        assertEquals(Map.of("out_of_scope", 1L), erl.fallbacks());
        assertEquals(Map.of("fees", 1L), erl.silent());
        // the answer and the fees question asked with that pathway in view
        assertEquals(2L, erl.byPathway().get("erl-own-home"), erl.toString());
        assertEquals(Map.of("settle", 1L, "none", 1L, "fees", 1L), erl.byAsk());
        assertEquals(1, erl.codesIssued());
        assertEquals(1, erl.codesOpened());
        assertTrue(weeks.stream().anyMatch(w -> w.document().equals("chifeng") && w.asks() == 1), weeks.toString());
        String text = AskReport.text(weeks);
        assertTrue(text.contains("erlianhaote · 2026-W47") && text.contains("fallbacks by kind: out_of_scope 1"), text);
        assertFalse(text.contains("天气") || text.contains("房子"), "no text typed is in the report");
    }
}
