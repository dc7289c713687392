package luohu.dialog;

import com.fasterxml.jackson.databind.JsonNode;
import luohu.common.YamlText;
import luohu.nlu.Intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** dialogs/flow.yaml: the states of a conversation and, per state and intent, the action and where it may lead. */
public final class Flow {
    /** The actions Java carries out; a flow file naming any other fails at start. */
    public static final Set<String> ACTIONS = Set.of("restart", "forget", "precheck", "help", "greet", "greet_again", "thank",
            "assess", "result", "correct", "general", "compare", "fallback");

    /**
     * In state {@code from}, intent {@code on} runs {@code action}, ending in one of {@code to}. {@code line} is
     * the index of the entry in flow.yaml's transitions that declared it (one entry may list several states).
     */
    public record Transition(int line, String from, Intent on, String action, List<String> to) {
    }

    private final Map<String, String> states;
    private final List<Transition> transitions;

    private Flow(Map<String, String> states, List<Transition> transitions) {
        this.states = states;
        this.transitions = transitions;
    }

    public static Flow parse(String yaml) {
        JsonNode root = YamlText.tree(yaml, "flow.yaml");
        Map<String, String> states = new LinkedHashMap<>();
        root.path("states").fields().forEachRemaining(e -> states.put(e.getKey(), e.getValue().asText()));
        if (!states.containsKey("start")) throw new IllegalArgumentException("flow.yaml: states: needs a start state");
        List<Transition> transitions = new ArrayList<>();
        int i = 0;
        for (JsonNode t : root.path("transitions")) {
            String where = "flow.yaml: transitions[" + i++ + "]";
            String action = t.path("do").asText();
            if (!ACTIONS.contains(action)) throw new IllegalArgumentException(where + ".do: unknown action " + action + "; known: " + new java.util.TreeSet<>(ACTIONS));
            Intent on;
            try {
                on = Intent.parse(t.path("on").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".on: unknown intent " + t.path("on").asText());
            }
            List<String> to = new ArrayList<>();
            t.path("to").forEach(n -> to.add(n.asText()));
            for (String s : to) if (!states.containsKey(s)) throw new IllegalArgumentException(where + ".to: unknown state " + s);
            for (JsonNode f : t.path("from")) {
                if (!states.containsKey(f.asText())) throw new IllegalArgumentException(where + ".from: unknown state " + f.asText());
                if (find(transitions, f.asText(), on).isPresent()) throw new IllegalArgumentException(where + ": state " + f.asText() + " already has a transition on " + on.id());
                transitions.add(new Transition(i - 1, f.asText(), on, action, List.copyOf(to)));
            }
        }
        return new Flow(states, List.copyOf(transitions));
    }

    private static Optional<Transition> find(List<Transition> ts, String state, Intent on) {
        for (Transition t : ts) if (t.on() == on && t.from().equals(state)) return Optional.of(t);
        return Optional.empty();
    }

    /** The transition for a message, if the flow has one. */
    public Optional<Transition> next(String state, Intent on) {
        return find(transitions, state, on);
    }

    public List<Transition> transitions() {
        return transitions;
    }

    public Set<String> states() {
        return states.keySet();
    }
}
