package luohu.nlu;

import luohu.TestAssistants;
import luohu.TestPaths;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labelled message sets of src/test/resources/nlu: the held-out part (heldout.jsonl, never used to tune the
 * lexicon) and the tuning part (the sets listed in tuning.sets).
 */
class NluQualityTest {
    private static Path set(String name) {
        return TestPaths.project().resolve("src/test/resources/nlu/" + name);
    }

    /** The tuning part's sets, as tuning.sets lists them for nlu-eval. */
    static List<String> tuningSets() throws java.io.IOException {
        return luohu.cli.NluEvalCommand.sets(Files.readString(set("tuning.sets")));
    }

    /** Every labelled set, the held-out one first. */
    static List<String> allSets() throws java.io.IOException {
        List<String> all = new java.util.ArrayList<>(List.of("heldout.jsonl"));
        all.addAll(tuningSets());
        return all;
    }

    private static List<Path> tuningPart() throws java.io.IOException {
        return tuningSets().stream().map(NluQualityTest::set).toList();
    }

    private static NluEvaluation heldOut() throws Exception {
        return NluEvaluation.of(TestAssistants.fresh().machine().understander(), "held-out", List.of(set("heldout.jsonl")));
    }

    @Test
    void theSetsAreLargeEnough() throws Exception {
        assertTrue(Files.readAllLines(set("heldout.jsonl")).size() >= 300, "at least 300 held-out messages");
        long all = 0;
        for (String f : allSets()) all += Files.readAllLines(set(f)).size();
        assertTrue(all >= 2700, "at least 2,700 labelled messages");
    }

    /** The bar of the issue. Not met yet: see README (Understanding messages) for today's figures. */
    @Test
    @Disabled("held-out is below the bar today (README, Understanding messages); enable when it is met")
    void heldOutMeetsTheBar() throws Exception {
        NluEvaluation e = heldOut();
        // the summary only: the held-out messages and their errors are never shown, so that nobody tunes on them
        String report = e.summary();
        assertTrue(e.allFacts.precision() >= 0.97, "fact precision\n" + report);
        assertTrue(e.allFacts.recall() >= 0.95, "fact recall\n" + report);
        assertTrue(e.intentAccuracy.value() >= 0.95, "intent accuracy\n" + report);
        assertTrue(e.askAccuracy.value() >= 0.95, "ask accuracy\n" + report);
        assertTrue(e.polarityFlips.isEmpty(), "polarity flips\n" + report);
    }

    /** Today's held-out figures do not fall: a change that loses ground on messages it was not tuned on fails. */
    @Test
    void heldOutDoesNotFallBelowTodaysFigures() throws Exception {
        NluEvaluation e = heldOut();
        // the summary only: the held-out messages and their errors are never shown, so that nobody tunes on them
        String report = e.summary();
        assertTrue(e.allFacts.precision() >= 0.911, "fact precision\n" + report);
        assertTrue(e.allFacts.recall() >= 0.906, "fact recall\n" + report);
        assertTrue(e.intentAccuracy.value() >= 0.951, "intent accuracy\n" + report);
        assertTrue(e.askAccuracy.value() >= 0.957, "ask accuracy\n" + report);
        assertTrue(e.applicantAccuracy.value() >= 0.951, "applicant accuracy\n" + report);
        assertTrue(e.polarityFlips.isEmpty(), "polarity flips\n" + report);
    }

    /**
     * The tuning part as a whole, tuning2.jsonl (phone style, by another writer), tuning3a.jsonl (case messages of a fresh
     * writer), tuning3b.jsonl (its questions), tuning3c.jsonl (first messages and replies of a broad population),
     * tuning3d.jsonl (many facts and negations a message), tuning3e.jsonl (topic questions, often telling the case),
     * tuning3f.jsonl (staff describing an applicant, long stories), tuning4a.jsonl (Xinjiang and Inner Mongolia, second-language
     * and voice-typed Chinese), tuning4b.jsonl (Shandong and Liaoning family talk in dialect), tuning4c.jsonl (young people on
     * phones: pinyin letters, emojis, partners, babies, graduates), tuning4d.jsonl (replies in an interview), tuning4e.jsonl
     * (frustrated people, rhetorical questions, forum posts), tuning4f.jsonl and tuning4g.jsonl (ordinary people to a
     * neighbourhood group and to the bot), tuning5b.jsonl (what people ask: short questions, hearsay, follow-ups, dialect
     * yes-no endings, reactions), tuning5c.jsonl (whom a case is about and whose each fact is: parents, spouses,
     * in-laws, grandchildren and stepchildren, pronouns referring back, staff noting an applicant's family, follow-ups
     * that switch the person), tuning5a.jsonl (run-on messages typed or dictated with no
     * punctuation, relatives' facts among the typist's, corrections partway through), tuning6a.jsonl (ordinary phone
     * messages with punctuation telling facts in passing: relatives, negations and "not yet", numbers in many forms,
     * near-misses that give no fact, short replies and questions), tuning6b.jsonl (where a hukou is or a relative lives beside
     * the place asked about, a relative's spouse said with 他/她 and the wedding, one's village in a question about land,
     * a part of a time told after the whole), tuning6c.jsonl (follow-ups on what they ask: one paper and whether it is
     * taken, where to hand it in, whose household to go onto, a paper's validity, subsidies after settling, staff at a
     * window) included; the polarity flips left are in the newest sets.
     */
    @Test
    void theTuningPartHoldsItsFigures() throws Exception {
        NluEvaluation e = NluEvaluation.of(TestAssistants.fresh().machine().understander(), "tuning",
                tuningPart());
        String report = e.report() + String.join("\n", e.errors);
        assertTrue(e.allFacts.precision() >= 0.902, "fact precision\n" + report);
        assertTrue(e.allFacts.recall() >= 0.881, "fact recall\n" + report);
        assertTrue(e.allIntents.precision() >= 0.958, "intent precision\n" + report);
        assertTrue(e.askAccuracy.value() >= 0.948, "ask accuracy\n" + report);
        assertTrue(e.applicantAccuracy.value() >= 0.948, "applicant accuracy\n" + report);
        assertTrue(e.polarityFlips.size() <= 54, "polarity flips\n" + report);
    }

    @Test
    void anEmptyOrUnreadableSetIsRefusedWithTheReason() throws Exception {
        Understander u = TestAssistants.fresh().machine().understander();
        Path empty = Files.createTempFile("luohu-empty", ".jsonl");
        Path broken = Files.createTempFile("luohu-broken", ".jsonl");
        Files.writeString(broken, "{\"text\": \"我租房\", \"intent\": \"inform\"}\nnot json\n");
        try {
            var e = assertThrows(NluEvaluation.BadSet.class, () -> NluEvaluation.of(u, "x", List.of(empty)));
            assertTrue(e.getMessage().endsWith("no labelled messages"), e.getMessage());
            e = assertThrows(NluEvaluation.BadSet.class, () -> NluEvaluation.of(u, "x", List.of(broken)));
            assertTrue(e.getMessage().endsWith("line 2: not JSON"), e.getMessage());
            e = assertThrows(NluEvaluation.BadSet.class, () -> NluEvaluation.of(u, "x", List.of(empty.resolveSibling("no-such-file.jsonl"))));
            assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        } finally {
            Files.deleteIfExists(empty);
            Files.deleteIfExists(broken);
        }
    }

    @Test
    void noInputThrows() {
        Understander u = TestAssistants.fresh().machine().understander();
        for (String t : new String[]{"", " ", "。。。", "english only please", "🙂", "落户".repeat(5000), "\u0000", "１２３４５",
                "十".repeat(5000), "9".repeat(5000) + "个月", "-" + "9".repeat(30) + "岁"}) {
            Understanding r = u.understand(t, null);
            assertTrue(r.intent() != null);
            u.understand(t, "lease_months");
        }
    }

    @Test
    void whoseFactItIs() {
        Understander u = TestAssistants.fresh().machine().understander();
        Understanding son = u.understand("我儿子是二连浩特户口", null);
        assertTrue(son.facts().get("local_relative").orElse("").equals("child"), son.facts().toString());
        assertTrue(son.facts().get("local_hukou").isEmpty(), "the son's hukou is not the applicant's: " + son.facts());
        Understanding neither = u.understand("没买房也没租房", null);
        assertTrue(neither.facts().get("housing").orElse("").equals("none"), neither.facts().toString());
        Understanding pending = u.understand("房产证还没下来", null);
        assertTrue(Boolean.FALSE.equals(pending.facts().get("home_certificate").orElse(null)), pending.facts().toString());
    }
}
