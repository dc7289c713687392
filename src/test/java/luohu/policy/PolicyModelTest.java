package luohu.policy;

import luohu.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model against its sources: complete, cited, and quoting the documents verbatim. */
class PolicyModelTest {
    static final PolicyModel MODEL = PolicyCasesTest.MODEL;

    @Test
    void everyClauseIsCitedAndEveryPathwayHasMaterialsAndCitations() {
        assertEquals(List.of(), PolicyAudit.audit(MODEL));
    }

    /** Every document file of policies/ is loaded: the five of today and any added later, with no Java change. */
    @Test
    void everyDocumentFileIsModelled() {
        List<String> ids = MODEL.documents().stream().map(PolicyDocument::id).sorted().toList();
        assertEquals(TestPaths.documentIds(), ids);
        assertTrue(ids.containsAll(List.of("chifeng", "erlianhaote", "liaocheng", "tieling", "xinjiang")), ids.toString());
    }

    /** Clause texts, materials and the document's words in conditions must occur in the source document. */
    @Test
    void policyTextIsQuotedVerbatim() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (PolicyDocument d : MODEL.documents()) {
            String source = squash(Files.readString(TestPaths.policies().resolve("sources").resolve(d.info().source()), StandardCharsets.UTF_8));
            for (Clause c : d.clauses().values()) check(wrong, d, "clause " + c.id(), c.text(), source);
            for (Pathway p : d.pathways()) {
                for (Cited m : p.materials()) check(wrong, d, p.id() + " material", m.text(), source);
                for (Registration r : p.registration()) check(wrong, d, p.id() + " registration", r.text(), source);
                for (Condition.Leaf l : Condition.leavesOf(p.conditions())) check(wrong, d, p.id() + " says", l.says(), source);
                for (Cited n : p.notes()) check(wrong, d, p.id() + " note", n.text(), source);
            }
            for (Rule r : d.rules()) check(wrong, d, "rule " + r.id(), r.text(), source);
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(List<String> wrong, PolicyDocument d, String what, String text, String source) {
        for (String part : squash(text).split("……|…")) {
            if (!part.isEmpty() && !source.contains(part)) wrong.add(d.id() + " " + what + ": not in the source: " + text);
        }
    }

    /**
     * Extraction artefacts only: whitespace and markdown emphasis differ between the seed and the quote, and a quote
     * marks an artefact it keeps ("合理布局 and [sic] 科学编制") with [sic].
     */
    static String squash(String s) {
        return s.replace("[sic]", "").replaceAll("[\\s\\u3000]+", "").replace("**", "").replace("#", "");
    }

    /** The extraction artefacts of 赤峰 四（四）/四（六） are marked where quoted. */
    @Test
    void extractionArtefactsAreMarked() {
        PolicyDocument cf = MODEL.document("chifeng").orElseThrow();
        assertTrue(cf.clause("cf-4-4").text().contains("合理布局 and [sic] 科学编制"), cf.clause("cf-4-4").text());
        assertTrue(cf.clause("cf-4-6").text().contains("基基础设施 [sic]"), cf.clause("cf-4-6").text());
    }

    /** The 新疆 and 铁岭 documents state no date: theirs is inferred, and said to be. */
    @Test
    void inferredDatesAreMarked() {
        for (String id : List.of("xinjiang", "tieling")) {
            DocumentInfo i = MODEL.document(id).orElseThrow().info();
            assertTrue(i.dateInferred(), id);
            assertTrue(i.dateNote().contains("推定") || i.dateNote().contains("不是确知"), id + ": " + i.dateNote());
        }
        assertTrue(!MODEL.document("liaocheng").orElseThrow().info().dateInferred());
    }

    @Test
    void placesReachTheirDocuments() {
        String[][] expected = {{"宁城县", "chifeng"}, {"红山区", "chifeng"}, {"临清", "liaocheng"}, {"东昌府区", "liaocheng"},
                {"开原", "tieling"}, {"银州区", "tieling"}, {"喀什", "xinjiang"}, {"库尔勒", "xinjiang"}, {"伊宁", "xinjiang"},
                {"二连浩特", "erlianhaote"}, {"乌鲁木齐", "xinjiang"}, {"克拉玛依", "xinjiang"}};
        for (String[] e : expected) {
            assertEquals(e[1], MODEL.place(e[0]).map(Place::documentId).orElse("none"), e[0]);
        }
    }

    @Test
    void documentFactsAreRecorded() {
        DocumentInfo erl = MODEL.document("erlianhaote").orElseThrow().info();
        assertTrue(erl.draft());
        assertEquals("审议稿", erl.statusNote());
        assertTrue(erl.repeals().stream().anyMatch(r -> r.contains("二连浩特市推进就业创业七项规定")));
        assertEquals("2022-08-01", MODEL.document("liaocheng").orElseThrow().info().effective());
        assertEquals("赤政发〔2016〕50号", MODEL.document("chifeng").orElseThrow().info().number());
    }

    @Test
    void southXinjiangIsAGroupAndUrumqiHasItsOwnRules() {
        PolicyDocument xj = MODEL.document("xinjiang").orElseThrow();
        Place hotan = MODEL.place("和田").orElseThrow();
        assertTrue(hotan.groups().stream().anyMatch(g -> xj.group(g).orElseThrow().name().equals("南疆")), "和田 is in 南疆");
        Place urumqi = MODEL.place("乌鲁木齐").orElseThrow();
        assertTrue(xj.rules().stream().anyMatch(r -> r.topics().contains("controlled_city") && r.scope().covers(urumqi) == Truth.TRUE));
    }

    static Path dir() {
        return TestPaths.policies();
    }
}
