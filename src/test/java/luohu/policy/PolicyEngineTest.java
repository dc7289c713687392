package luohu.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three-valued semantics on a small model of its own, so that each rule of the logic is seen in isolation. */
class PolicyEngineTest {
    private static final String FACTS = """
            facts:
              - { id: months, name: 月数, type: months, description: 月数 }
              - { id: ok, name: 是否, type: bool, description: 是否 }
              - { id: kind, name: 种类, type: choice, description: 种类, values: { a: 甲, b: 乙, c: 丙 } }
              - { id: level, name: 等级, type: level, description: 等级, values: { low: 低, mid: 中, high: 高 } }
            """;
    private static final String TOPICS = "topics: { policy_info: 文件信息 }\n";
    private static final String DOC = """
            document: { id: town, short: 镇, title: 测试文件, governs: 镇, region: 测试省, status: in_force }
            places:
              - { name: 镇, kind: city }
              - { name: 东区, kind: district, groups: [east] }
              - { name: 西区, kind: district }
            place_groups: [ { id: east, name: 东边, clause: c1 } ]
            clauses:
              - { id: c1, label: 一, text: 第一条 }
              - { id: c2, label: 二, text: 第二条 }
            pathways:
              - id: p-all
                name: 全部条件
                clauses: [c1]
                conditions:
                  all:
                    - { fact: months, at_least: 12, says: 满一年, clause: c1 }
                    - any:
                        - { fact: ok, is: true, says: 是, clause: c2 }
                        - { fact: kind, in: [a, b], says: 甲或乙, clause: c2 }
                    - { fact: level, at_least: mid, says: 中以上, clause: c2 }
                materials: [ { text: 材料, clause: c1 } ]
              - id: p-east
                name: 东边
                clauses: [c1]
                places: [east]
                materials_silent: true
            rules:
              - { id: r1, title: 规则, topics: [policy_info], text: 第二条, clauses: [c2], when: { fact: ok, is: true, says: 是, clause: c2 } }
            """;

    private final PolicyModel model = PolicyLoader.load(Map.of("facts.yaml", FACTS, "topics.yaml", TOPICS, "town.yaml", DOC));
    private final PolicyEngine engine = new PolicyEngine(model);

    private PathwayOutcome outcome(String place, Map<String, Object> facts, String pathway) {
        return engine.assess(model.place(place).orElseThrow(), model.vocabulary().parse(facts)).outcome(pathway);
    }

    @Test
    void unknownIsNeverFalse() {
        PathwayOutcome o = outcome("东区", Map.of(), "p-all");
        assertEquals(Status.UNDETERMINED, o.status());
        assertEquals(List.of("months", "ok", "kind", "level"), o.missing());
    }

    @Test
    void oneFalsePartDecidesAnAll() {
        PathwayOutcome o = outcome("东区", Map.of("months", 8), "p-all");
        assertEquals(Status.NOT_ELIGIBLE, o.status());
        Failure f = o.failures().get(0);
        assertEquals("c1", f.condition().clause());
        assertEquals(4.0, f.gap(), 1e-9, "8 months of the 12 required: 4 to go");
    }

    @Test
    void boundaryIsInclusive() {
        assertEquals(Status.ELIGIBLE, outcome("东区", Map.of("months", 12, "kind", "b", "level", "high"), "p-all").status());
        assertEquals(Status.NOT_ELIGIBLE, outcome("东区", Map.of("months", 11, "kind", "b", "level", "high"), "p-all").status());
        assertEquals(Status.NOT_ELIGIBLE, outcome("东区", Map.of("months", 12, "kind", "b", "level", "low"), "p-all").status());
    }

    @Test
    void anyIsTrueOnOneTruePartAndFalseOnlyWhenAllFail() {
        assertEquals(Status.ELIGIBLE, outcome("东区", Map.of("months", 20, "ok", true, "level", "mid"), "p-all").status());
        PathwayOutcome open = outcome("东区", Map.of("months", 20, "kind", "c", "level", "mid"), "p-all");
        assertEquals(Status.UNDETERMINED, open.status());
        assertEquals(List.of("ok"), open.missing());
        PathwayOutcome no = outcome("东区", Map.of("months", 20, "kind", "c", "ok", false, "level", "mid"), "p-all");
        assertEquals(Status.NOT_ELIGIBLE, no.status());
        assertEquals(2, no.failures().size());
    }

    @Test
    void valuesRuledOutDecideOnlyWhenEveryAcceptedValueIsOut() {
        Facts some = Facts.EMPTY.with("months", 20).with("level", "mid").with("ok", false).with("kind", new Excluded(java.util.Set.of("a")));
        assertEquals(Status.UNDETERMINED, engine.assess(model.place("东区").orElseThrow(), some).outcome("p-all").status());
        Facts both = some.with("kind", new Excluded(java.util.Set.of("a", "b")));
        assertEquals(Status.NOT_ELIGIBLE, engine.assess(model.place("东区").orElseThrow(), both).outcome("p-all").status());
    }

    @Test
    void placeScopes() {
        assertEquals(Status.ELIGIBLE, outcome("东区", Map.of(), "p-east").status());
        assertEquals(Status.NOT_APPLICABLE, outcome("西区", Map.of(), "p-east").status());
        PathwayOutcome whole = outcome("镇", Map.of(), "p-east");
        assertEquals(Status.UNDETERMINED, whole.status());
        assertTrue(whole.placeUnknown());
    }

    @Test
    void rulesApplyOnlyWhenTheirConditionHolds() {
        Assessment yes = engine.assess(model.place("东区").orElseThrow(), model.vocabulary().parse(Map.of("ok", true)));
        assertEquals(List.of("r1"), yes.rules().stream().map(Rule::id).toList());
        Assessment unknown = engine.assess(model.place("东区").orElseThrow(), Facts.EMPTY);
        assertTrue(unknown.rules().isEmpty());
    }

    @Test
    void badValuesAreRefusedWithWhatIsAccepted() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> model.vocabulary().parse(Map.of("kind", "z")));
        assertEquals("kind takes one of a, b, c, not \"z\"", e.getMessage());
        IllegalArgumentException u = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> model.vocabulary().parse(Map.of("nope", 1)));
        assertTrue(u.getMessage().startsWith("unknown fact \"nope\"; known facts: months, ok, kind, level"));
        assertNotNull(model.vocabulary().parse(Map.of("months", 3)));
    }
}
