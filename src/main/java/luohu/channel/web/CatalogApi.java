package luohu.channel.web;

import io.javalin.http.Context;
import luohu.answer.AssessmentJson;
import luohu.nlu.Questions;
import luohu.policy.Condition;
import luohu.policy.Fact;
import luohu.policy.FactType;
import luohu.policy.Pathway;
import luohu.policy.Place;
import luohu.policy.PolicyDocument;
import luohu.policy.PolicyModel;
import luohu.policy.Registration;
import luohu.policy.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GET /api/places and GET /api/facts: what the page builds its place picker and its form from. */
final class CatalogApi {
    private final Map<String, Object> places;
    private final Map<String, Object> facts;

    CatalogApi(PolicyModel model, Questions questions) {
        this.places = Map.of("documents", model.documents().stream().map(CatalogApi::document).toList());
        this.facts = Map.of("facts", facts(model, questions));
    }

    void places(Context ctx) {
        ctx.json(places);
    }

    void facts(Context ctx) {
        ctx.json(facts);
    }

    /** A document as the API shows it: its description, how to cite it, and its places. */
    static Map<String, Object> documentInfo(PolicyDocument d) {
        Map<String, Object> m = new LinkedHashMap<>(AssessmentJson.document(d.info()));
        m.put("short", d.info().shortName());
        m.put("cite_name", d.info().citeName());
        return m;
    }

    private static Map<String, Object> document(PolicyDocument d) {
        Map<String, Object> m = documentInfo(d);
        List<Object> ps = new ArrayList<>();
        for (Place p : d.places()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("aliases", p.aliases());
            pm.put("kind", p.kind());
            pm.put("root", p.root());
            ps.add(pm);
        }
        m.put("places", ps);
        return m;
    }

    /** The unit a number box shows, as facts.yaml gives it (个月, 年, 岁). */
    static String unit(Fact f) {
        return f.unit();
    }

    private static List<Object> facts(PolicyModel model, Questions questions) {
        Map<String, Set<String>> usedBy = new LinkedHashMap<>();
        for (PolicyDocument d : model.documents()) {
            List<Condition.Leaf> leaves = new ArrayList<>();
            for (Pathway p : d.pathways()) {
                leaves.addAll(Condition.leavesOf(p.conditions()));
                for (Registration r : p.registration()) leaves.addAll(Condition.leavesOf(r.when()));
            }
            for (Rule r : d.rules()) leaves.addAll(Condition.leavesOf(r.when()));
            for (Condition.Leaf l : leaves) usedBy.computeIfAbsent(l.fact(), k -> new LinkedHashSet<>()).add(d.id());
        }
        List<Object> out = new ArrayList<>();
        for (Fact f : model.vocabulary().all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("name", f.name());
            m.put("type", f.type().yamlName());
            m.put("description", f.description());
            m.put("unit", unit(f));
            List<Object> values = new ArrayList<>();
            f.values().forEach((id, label) -> values.add(Map.of("id", id, "label", label)));
            m.put("values", values);
            Questions.Question q = questions.get(f.id());
            m.put("question", q == null ? null : q.ask());
            m.put("options", q == null ? List.of() : q.options().stream()
                    .map(o -> Map.of("label", o.label(), "value", o.value())).toList());
            if (f.type() == luohu.policy.FactType.BOOL) m.put("labels", boolLabels(q));
            m.put("documents", List.copyOf(usedBy.getOrDefault(f.id(), Set.of())));
            out.add(m);
        }
        return out;
    }

    /**
     * The words for yes and no of a yes/no fact: its question's answers where it has one for each ("在城镇",
     * "在农村" for a fact whose name names two places, so that nobody has to guess which one 是 means), else 是 and 否.
     */
    static Map<String, String> boolLabels(Questions.Question q) {
        String yes = null, no = null;
        if (q != null) {
            for (Questions.Option o : q.options()) {
                if (Boolean.TRUE.equals(o.value()) && yes == null) yes = o.label();
                if (Boolean.FALSE.equals(o.value()) && no == null) no = o.label();
            }
        }
        return yes != null && no != null ? Map.of("true", yes, "false", no) : Map.of("true", "是", "false", "否");
    }
}
