package luohu.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Completeness checks of the model that loading alone does not make: every clause used, every pathway sourced. */
public final class PolicyAudit {
    private PolicyAudit() {
    }

    /** Problems found, one line each; empty when the model is complete. */
    public static List<String> audit(PolicyModel model) {
        List<String> problems = new ArrayList<>();
        for (PolicyDocument d : model.documents()) {
            Set<String> cited = citedClauses(d);
            for (String c : d.clauses().keySet()) {
                if (!cited.contains(c)) problems.add(d.id() + ".yaml: clause " + c + " is cited by no pathway, rule or group");
            }
            for (Pathway p : d.pathways()) {
                if (p.clauses().isEmpty()) problems.add(d.id() + ".yaml: pathway " + p.id() + " cites no clause");
                if (p.materials().isEmpty() && !p.materialsSilent()) problems.add(d.id() + ".yaml: pathway " + p.id() + " has no materials");
                // a reading that admits the text is unclear is told with the outcome, so that no answer is a firm
                // "eligible" (or a refusal) while the model's own note says the text allows two readings
                for (Cited n : p.notes()) {
                    if (n.reading() != null && !n.tell() && (n.reading().contains("两种理解") || n.reading().contains("以当地公安机关解释为准"))) {
                        problems.add(d.id() + ".yaml: pathway " + p.id() + ": a note's reading says the text is unclear (" + n.clause() + "); tell it (tell: true)");
                    }
                }
            }
            if (d.pathways().isEmpty()) problems.add(d.id() + ".yaml: no pathways");
        }
        return problems;
    }

    static Set<String> citedClauses(PolicyDocument d) {
        Set<String> out = new LinkedHashSet<>();
        for (PlaceGroup g : d.groups()) out.add(g.clause());
        for (Pathway p : d.pathways()) {
            out.addAll(p.clauses());
            conditionClauses(p.conditions(), out);
            p.family().forEach(f -> out.add(f.clause()));
            p.materials().forEach(m -> out.add(m.clause()));
            p.notes().forEach(m -> out.add(m.clause()));
            for (Registration r : p.registration()) {
                out.add(r.clause());
                conditionClauses(r.when(), out);
            }
            if (p.crossProvince() != null) out.add(p.crossProvince());
        }
        for (Rule r : d.rules()) {
            out.addAll(r.clauses());
            conditionClauses(r.when(), out);
        }
        return out;
    }

    private static void conditionClauses(Condition c, Set<String> out) {
        if (c == null) return;
        if (c.clause() != null) out.add(c.clause());
        List<Condition> parts = c instanceof Condition.All all ? all.parts() : c instanceof Condition.Any any ? any.parts() : List.of();
        parts.forEach(p -> conditionClauses(p, out));
    }
}
