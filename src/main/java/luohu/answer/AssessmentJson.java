package luohu.answer;

import luohu.policy.Assessment;
import luohu.policy.Cited;
import luohu.policy.DocumentInfo;
import luohu.policy.Failure;
import luohu.policy.FamilyMember;
import luohu.policy.PathwayOutcome;
import luohu.policy.PolicyDocument;
import luohu.policy.PolicyModel;
import luohu.policy.Registration;
import luohu.policy.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An assessment as plain maps and lists, ready for JSON: every item with its clause id and label. */
public final class AssessmentJson {
    private final PolicyModel model;

    public AssessmentJson(PolicyModel model) {
        this.model = model;
    }

    public Map<String, Object> of(Assessment a) {
        PolicyDocument doc = a.document();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("document", document(doc.info()));
        out.put("place", a.place().name());
        out.put("facts", a.facts().asMap());
        List<Object> pathways = new ArrayList<>();
        for (PathwayOutcome o : a.outcomes()) pathways.add(outcome(o, doc));
        out.put("pathways", pathways);
        out.put("rules", a.rules().stream().map(r -> rule(r, doc)).toList());
        out.put("general_rules", a.general().stream().map(r -> rule(r, doc)).toList());
        return out;
    }

    public static Map<String, Object> document(DocumentInfo i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("title", i.title());
        m.put("number", i.number());
        m.put("issuer", i.issuer());
        m.put("governs", i.governs());
        m.put("region", i.region());
        m.put("date", i.date());
        m.put("date_inferred", i.dateInferred());
        m.put("effective", i.effective());
        m.put("date_note", i.dateNote());
        m.put("status", i.status());
        m.put("status_note", i.statusNote());
        m.put("implements", i.implementsDocs());
        m.put("repeals", i.repeals());
        return m;
    }

    public Map<String, Object> outcome(PathwayOutcome o, PolicyDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.pathway().id());
        m.put("name", o.pathway().name());
        m.put("status", o.status().id);
        m.put("clauses", o.pathway().clauses().stream().map(c -> clause(doc, c)).toList());
        m.put("failures", o.failures().stream().map(f -> failure(f, doc)).toList());
        m.put("missing", o.missing());
        m.put("place_unknown", o.placeUnknown());
        m.put("materials", o.pathway().materials().stream().map(c -> cited(c, doc)).toList());
        m.put("materials_silent", o.pathway().materialsSilent());
        m.put("family", o.pathway().family().stream().map(f -> family(f, doc)).toList());
        m.put("registration", o.registration().stream().map(r -> registration(r, doc)).toList());
        m.put("cross_province", o.pathway().crossProvince() == null ? null : clause(doc, o.pathway().crossProvince()));
        m.put("notes", o.pathway().notes().stream().map(c -> cited(c, doc)).toList());
        m.put("readings", o.readings().stream().map(c -> cited(c, doc)).toList());
        return m;
    }

    private Map<String, Object> failure(Failure f, PolicyDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fact", f.condition().fact());
        m.put("says", f.condition().says());
        m.put("clause", clause(doc, f.condition().clause()));
        m.put("actual", f.actual());
        m.put("gap", f.gap());
        m.put("explanation", new OutcomeText(model).failure(doc, f));
        return m;
    }

    public static Map<String, Object> clause(PolicyDocument doc, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("label", doc.clause(id).label());
        m.put("citation", doc.cite(id));
        return m;
    }

    private static Map<String, Object> cited(Cited c, PolicyDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", c.text());
        m.put("clause", clause(doc, c.clause()));
        if (c.reading() != null) m.put("reading", c.reading());
        if (c.tell()) m.put("tell", true);
        return m;
    }

    private static Map<String, Object> family(FamilyMember f, PolicyDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("relation", f.relation());
        m.put("terms", f.terms());
        m.put("clause", clause(doc, f.clause()));
        return m;
    }

    private static Map<String, Object> registration(Registration r, PolicyDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order", r.order());
        m.put("choice", r.choice());
        m.put("text", r.text());
        m.put("clause", clause(doc, r.clause()));
        return m;
    }

    public static Map<String, Object> rule(Rule r, PolicyDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("title", r.title());
        m.put("topics", r.topics());
        m.put("text", r.text());
        m.put("clauses", r.clauses().stream().map(c -> clause(doc, c)).toList());
        return m;
    }
}
