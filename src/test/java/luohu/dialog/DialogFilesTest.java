package luohu.dialog;

import luohu.answer.Prompts;
import luohu.nlu.Questions;
import luohu.TestAssistants;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken dialog file is refused at start with one line naming the file and the entry. */
class DialogFilesTest {
    @Test
    void anUnknownActionIsNamed() {
        String flow = "states: { start: s }\ntransitions:\n  - { from: [start], on: greeting, do: dance, to: [start] }\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Flow.parse(flow));
        assertTrue(e.getMessage().startsWith("flow.yaml: transitions[0].do: unknown action dance"), e.getMessage());
    }

    @Test
    void aQuestionOnAnUndeclaredFactIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Questions.parse("questions:\n  flying: { ask: 会飞吗？ }\n", TestAssistants.model().vocabulary()));
        assertTrue(e.getMessage().startsWith("questions.yaml: questions.flying: no such fact"), e.getMessage());
    }

    @Test
    void anOptionWithABadValueIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Questions.parse(
                "questions:\n  housing: { ask: 住哪？, options: [ { label: 城堡, value: castle } ] }\n", TestAssistants.model().vocabulary()));
        assertTrue(e.getMessage().contains("questions.yaml: questions.housing.options: housing takes one of own"), e.getMessage());
    }

    @Test
    void yamlThatIsNotYamlIsNamedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prompts.parse("greeting: [unclosed\n"));
        assertTrue(e.getMessage().startsWith("prompts.yaml: line "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void everyFactAConditionNamesHasAQuestion() {
        var questions = TestAssistants.dialogs().questions();
        for (var d : TestAssistants.model().documents()) {
            for (var p : d.pathways()) {
                for (var leaf : luohu.policy.Condition.leavesOf(p.conditions())) {
                    assertTrue(questions.has(leaf.fact()), leaf.fact() + " (" + p.id() + ") has no question in questions.yaml");
                }
            }
        }
    }
}
