package luohu.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Assesses every pathway of a place's document against an applicant's facts. Stateless and thread-safe. */
public final class PolicyEngine {
    private final PolicyModel model;
    private final Evaluator evaluator;

    public PolicyEngine(PolicyModel model) {
        this.model = model;
        this.evaluator = new Evaluator(model.vocabulary());
    }

    public PolicyModel model() {
        return model;
    }

    public Assessment assess(Place place, Facts facts) {
        PolicyDocument doc = model.documentOf(place);
        // indexed loops, not iterators: every pathway and rule of the document, every turn
        List<Pathway> pathways = doc.pathways();
        List<PathwayOutcome> outcomes = new ArrayList<>(pathways.size());
        for (int i = 0; i < pathways.size(); i++) outcomes.add(assess(pathways.get(i), place, facts));
        List<Rule> applying = new ArrayList<>();
        List<Rule> general = new ArrayList<>();
        List<Rule> rules = doc.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.scope().covers(place) == Truth.FALSE) continue;
            if (r.when() == null) general.add(r);
            else if (evaluator.truth(r.when(), facts) == Truth.TRUE) applying.add(r);
        }
        return new Assessment(doc, place, facts, outcomes, applying, general);
    }

    /**
     * Whether any pathway's status or missing facts would differ under {@code before}: only the pathways testing a
     * fact that differs are assessed again, so a fact told in the interview costs one pathway, not a second run.
     */
    public boolean verdictsDiffer(Assessment now, Facts before) {
        List<PathwayOutcome> outcomes = now.outcomes();
        for (int i = 0; i < outcomes.size(); i++) if (differs(outcomes.get(i), now, before)) return true;
        return false;
    }

    /** The ids of the pathways whose status or missing facts differ under {@code before}, in the assessment's order. */
    public List<String> changed(Assessment now, Facts before) {
        List<String> out = new ArrayList<>();
        for (PathwayOutcome o : now.outcomes()) if (differs(o, now, before)) out.add(o.pathway().id());
        return out;
    }

    private boolean differs(PathwayOutcome o, Assessment now, Facts before) {
        if (o.status() == Status.NOT_APPLICABLE || !tests(o.pathway(), before.asMap(), now.facts().asMap())) return false;
        PathwayOutcome then = assess(o.pathway(), now.place(), before);
        return then.status() != o.status() || !then.missing().equals(o.missing());
    }

    private static boolean tests(Pathway p, Map<String, Object> was, Map<String, Object> is) {
        List<Condition.Leaf> leaves = Condition.leavesOf(p.conditions());
        for (int i = 0; i < leaves.size(); i++) {
            String f = leaves.get(i).fact();
            if (!Objects.equals(was.get(f), is.get(f))) return true;
        }
        return false;
    }

    /** Whether a rule's condition holds, fails or is open for these facts (TRUE for rules without one). */
    public Truth applies(Rule rule, Facts facts) {
        return evaluator.truth(rule.when(), facts);
    }

    /** Whether a condition holds, fails or is open for these facts. */
    public Truth holds(Condition c, Facts facts) {
        return evaluator.truth(c, facts);
    }

    private PathwayOutcome assess(Pathway p, Place place, Facts facts) {
        Truth inScope = p.scope().covers(place);
        if (inScope == Truth.FALSE) return new PathwayOutcome(p, Status.NOT_APPLICABLE, List.of(), List.of(), false, List.of(), List.of());
        Evaluator.Result r = p.conditions() == null
                ? new Evaluator.Result(Truth.TRUE, List.of(), List.of())
                : evaluator.eval(p.conditions(), facts);
        // loops rather than streams: every pathway of the document is assessed on every turn
        List<Registration> registration = new ArrayList<>(p.registration().size());
        for (int i = 0; i < p.registration().size(); i++) {
            Registration reg = p.registration().get(i);
            if (evaluator.truth(reg.when(), facts) != Truth.FALSE) registration.add(reg);
        }
        boolean placeUnknown = inScope == Truth.UNKNOWN;
        List<Condition.Leaf> met = new ArrayList<>();
        List<Condition.Leaf> leaves = Condition.leavesOf(p.conditions());
        for (int i = 0; i < leaves.size(); i++) if (evaluator.holds(leaves.get(i), facts)) met.add(leaves.get(i));
        return switch (r.truth()) {
            case FALSE -> new PathwayOutcome(p, Status.NOT_ELIGIBLE, r.failures(), List.of(), false, registration, met);
            case UNKNOWN -> new PathwayOutcome(p, Status.UNDETERMINED, List.of(), List.copyOf(r.missing()), placeUnknown, registration, met, r.unclear());
            case TRUE -> placeUnknown
                    ? new PathwayOutcome(p, Status.UNDETERMINED, List.of(), List.of(), true, registration, met)
                    : new PathwayOutcome(p, Status.ELIGIBLE, List.of(), List.of(), false, registration, met);
        };
    }
}
