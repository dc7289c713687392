package luohu.policy;

import java.util.List;

/**
 * Every pathway of a place's document assessed against a set of facts.
 *
 * @param rules   rules whose condition holds for these facts (rules without a condition are in {@code general})
 * @param general rules that hold for everyone in the place
 */
public record Assessment(PolicyDocument document, Place place, Facts facts, List<PathwayOutcome> outcomes,
                         List<Rule> rules, List<Rule> general) {
    public Assessment {
        outcomes = List.copyOf(outcomes);
        rules = List.copyOf(rules);
        general = List.copyOf(general);
    }

    public List<PathwayOutcome> with(Status status) {
        List<PathwayOutcome> out = new java.util.ArrayList<>();
        for (PathwayOutcome o : outcomes) if (o.status() == status) out.add(o);
        return out;
    }

    public PathwayOutcome outcome(String pathwayId) {
        return outcomes.stream().filter(o -> o.pathway().id().equals(pathwayId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pathway " + pathwayId + " in " + document.id()));
    }
}
