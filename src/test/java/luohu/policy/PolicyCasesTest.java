package luohu.policy;

import luohu.TestPaths;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every YAML case of policies/tests and checks that the cases exercise every condition. */
class PolicyCasesTest {
    static final PolicyModel MODEL = PolicyLoader.load(TestPaths.policies());
    static final PolicyEngine ENGINE = new PolicyEngine(MODEL);
    static final List<PolicyCases.Case> CASES = PolicyCases.read(TestPaths.policies().resolve("tests"));

    @TestFactory
    Stream<DynamicTest> everyCasePasses() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.toString(),
                () -> assertEquals(List.of(), PolicyCases.run(c, ENGINE))));
    }

    @Test
    void everyDocumentHasCases() {
        for (PolicyDocument d : MODEL.documents()) {
            assertTrue(CASES.stream().anyMatch(c -> c.documentId().equals(d.id())), d.id() + " has no test cases");
        }
    }

    /** Each condition leaf must fail alone in some case, and each pathway be eligible in some case. */
    @Test
    void everyConditionIsMetAndFailedByACase() {
        Set<String> failed = new HashSet<>();
        Set<String> eligible = new HashSet<>();
        for (PolicyCases.Case c : CASES) {
            Place place = MODEL.place(c.json().path("place").asText()).orElseThrow();
            Facts facts = MODEL.vocabulary().parse(new com.fasterxml.jackson.databind.ObjectMapper()
                    .convertValue(c.json().path("facts"), java.util.Map.class));
            Assessment a = ENGINE.assess(place, facts);
            c.json().path("expect").fieldNames().forEachRemaining(id -> {
                PathwayOutcome o = a.outcome(id);
                if (o.status() == Status.ELIGIBLE) eligible.add(id);
                o.failures().forEach(f -> failed.add(id + "/" + f.condition().fact() + "/" + f.condition().clause()));
            });
        }
        List<String> gaps = new ArrayList<>();
        for (PolicyDocument d : MODEL.documents()) {
            for (Pathway p : d.pathways()) {
                if (!eligible.contains(p.id())) gaps.add(p.id() + " is never eligible in a case");
                for (Condition.Leaf leaf : Condition.leavesOf(p.conditions())) {
                    String key = p.id() + "/" + leaf.fact() + "/" + leaf.clause();
                    if (!failed.contains(key)) gaps.add(key + " never fails in a case");
                }
            }
        }
        assertEquals(List.of(), gaps);
    }
}
