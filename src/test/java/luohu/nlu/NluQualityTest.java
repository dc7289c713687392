package luohu.nlu;

import luohu.TestAssistants;
import luohu.TestPaths;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The labelled message set (src/test/resources/nlu/messages.jsonl) holds understanding to 95% precision and recall. */
class NluQualityTest {
    @Test
    void factsAndIntentsAreUnderstood() throws Exception {
        List<String> lines = Files.readAllLines(TestPaths.project().resolve("src/test/resources/nlu/messages.jsonl"), StandardCharsets.UTF_8);
        assertTrue(lines.size() >= 300, "at least 300 labelled messages");
        NluEvaluation e = NluEvaluation.run(TestAssistants.fresh().machine().understander(), lines);
        String report = e.report() + String.join("\n", e.errors);
        assertTrue(e.allFacts.precision() >= 0.95, "fact precision\n" + report);
        assertTrue(e.allFacts.recall() >= 0.95, "fact recall\n" + report);
        assertTrue(e.allIntents.precision() >= 0.95, "intent precision\n" + report);
        assertTrue(e.allIntents.recall() >= 0.95, "intent recall\n" + report);
    }

    @Test
    void noInputThrows() {
        Understander u = TestAssistants.fresh().machine().understander();
        for (String t : new String[]{"", " ", "。。。", "english only please", "🙂", "落户".repeat(5000), "\u0000", "１２３４５"}) {
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
