package luohu.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates one document file. Citations must name clauses of the same document. */
final class DocumentReader {
    private static final Set<String> KINDS = Set.of("region", "province", "city", "district", "county", "banner", "town", "prefecture", "zone");
    private final Node root;
    private final String id;
    private final FactVocabulary vocabulary;
    private final Map<String, String> topics;
    private final Map<String, Clause> clauses = new LinkedHashMap<>();
    private final Set<String> placeNamesAndGroups = new HashSet<>();

    DocumentReader(Node root, String id, FactVocabulary vocabulary, Map<String, String> topics) {
        this.root = root;
        this.id = id;
        this.vocabulary = vocabulary;
        this.topics = topics;
    }

    PolicyDocument read() {
        root.only(Set.of("document", "places", "place_groups", "clauses", "pathways", "rules"));
        DocumentInfo info = info(root.get("document"));
        for (Node c : root.list("clauses")) clause(c);
        if (clauses.isEmpty()) throw root.fail("no clauses");
        List<PlaceGroup> groups = new ArrayList<>();
        for (Node g : root.list("place_groups")) {
            g.only(Set.of("id", "name", "clause", "note"));
            groups.add(new PlaceGroup(g.str("id"), g.str("name"), cite(g, "clause")));
            placeNamesAndGroups.add(g.str("id"));
        }
        List<Place> places = places(groups);
        List<Pathway> pathways = new ArrayList<>();
        for (Node p : root.list("pathways")) pathways.add(pathway(p));
        List<Rule> rules = new ArrayList<>();
        for (Node r : root.list("rules")) rules.add(rule(r));
        Set<String> ids = new HashSet<>();
        for (Pathway p : pathways) if (!ids.add(p.id())) throw root.fail("duplicate pathway id " + p.id());
        for (Rule r : rules) if (!ids.add(r.id())) throw root.fail("duplicate rule or pathway id " + r.id());
        return new PolicyDocument(info, places, groups, clauses, pathways, rules);
    }

    private DocumentInfo info(Node d) {
        d.only(Set.of("id", "short", "title", "number", "issuer", "governs", "region", "date", "date_inferred", "date_note", "effective",
                "effective_note", "status", "status_note", "implements", "repeals", "source", "notes"));
        if (!d.str("id").equals(id)) throw d.get("id").fail("must equal the file name (" + id + ")");
        String status = d.str("status");
        if (!status.equals("in_force") && !status.equals("draft")) throw d.get("status").fail("must be in_force or draft");
        String effective = d.optStr("effective");
        if (effective != null && !effective.matches("\\d{4}-\\d{2}-\\d{2}")) throw d.get("effective").fail("must be a date YYYY-MM-DD");
        String dateNote = d.optStr("date_note") != null ? d.optStr("date_note") : d.optStr("effective_note");
        boolean inferred = d.bool("date_inferred", false);
        if (inferred && dateNote == null) throw d.get("date_inferred").fail("needs a date_note saying how the date was inferred");
        return new DocumentInfo(id, d.str("short"), d.str("title"), d.optStr("number"), d.optStr("issuer"),
                d.str("governs"), d.str("region"), d.optStr("date"), effective, dateNote, status, d.optStr("status_note"),
                d.strList("implements"), d.strList("repeals"), d.optStr("source"), inferred);
    }

    private void clause(Node c) {
        c.only(Set.of("id", "label", "heading", "text"));
        String cid = c.str("id");
        if (clauses.containsKey(cid)) throw c.get("id").fail("duplicate clause id " + cid);
        clauses.put(cid, new Clause(cid, id, c.str("label"), c.optStr("heading"), c.str("text")));
    }

    private List<Place> places(List<PlaceGroup> groups) {
        List<Place> out = new ArrayList<>();
        Set<String> groupIds = new HashSet<>();
        groups.forEach(g -> groupIds.add(g.id()));
        for (Node p : root.list("places")) {
            p.only(Set.of("name", "aliases", "kind", "groups", "note", "parent"));
            String kind = p.str("kind");
            if (!KINDS.contains(kind)) throw p.get("kind").fail("must be one of " + String.join(", ", new java.util.TreeSet<>(KINDS)));
            List<String> gs = p.strList("groups");
            for (String g : gs) if (!groupIds.contains(g)) throw p.get("groups").fail("no place group " + g);
            out.add(new Place(p.str("name"), p.strList("aliases"), kind, gs, id, out.isEmpty()));
            placeNamesAndGroups.add(p.str("name"));
        }
        if (out.isEmpty()) throw root.fail("places: at least one place is needed");
        return out;
    }

    private Pathway pathway(Node p) {
        p.only(Set.of("id", "name", "topics", "clauses", "places", "except_places", "conditions", "family", "materials",
                "materials_silent", "registration", "cross_province", "notes"));
        List<String> kinds = p.strList("topics");
        for (String t : kinds) if (!topics.containsKey(t)) throw p.get("topics").fail("unknown topic " + t + "; declared in topics.yaml: " + String.join(", ", topics.keySet()));
        List<FamilyMember> family = new ArrayList<>();
        for (Node f : p.list("family")) {
            f.only(Set.of("relation", "terms", "clause"));
            family.add(new FamilyMember(f.str("relation"), f.optStr("terms"), cite(f, "clause")));
        }
        List<Cited> materials = cited(p, "materials");
        boolean silent = p.bool("materials_silent", false);
        if (materials.isEmpty() && !silent) throw p.fail("has no materials; list them or set materials_silent: true");
        if (!materials.isEmpty() && silent) throw p.get("materials_silent").fail("set, yet materials are listed");
        List<Registration> registration = new ArrayList<>();
        if (p.has("registration")) {
            Node r = p.get("registration");
            if (r.json.isArray()) {
                for (Node item : p.list("registration")) registration.add(registration(item));
            } else {
                registration.add(registration(r));
            }
        }
        String cross = null;
        if (p.has("cross_province")) cross = cite(p.get("cross_province").only(Set.of("clause")), "clause");
        List<String> cl = clauseList(p);
        return new Pathway(p.str("id"), id, p.str("name"), kinds, cl, scope(p),
                p.has("conditions") ? condition(p.get("conditions")) : null, family, materials, silent,
                registration, cross, cited(p, "notes"));
    }

    private Registration registration(Node r) {
        r.only(Set.of("order", "text", "clause", "when", "choice"));
        return new Registration(r.strList("order"), r.str("text"), cite(r, "clause"),
                r.has("when") ? condition(r.get("when")) : null, r.bool("choice", false));
    }

    private Rule rule(Node r) {
        r.only(Set.of("id", "title", "topics", "when", "text", "clauses", "places", "except_places"));
        List<String> ts = r.strList("topics");
        if (ts.isEmpty()) throw r.fail("topics: at least one is needed");
        for (String t : ts) if (!topics.containsKey(t)) throw r.get("topics").fail("unknown topic " + t + "; declared in topics.yaml: " + String.join(", ", topics.keySet()));
        return new Rule(r.str("id"), id, r.str("title"), ts, r.has("when") ? condition(r.get("when")) : null,
                r.str("text"), clauseList(r), scope(r));
    }

    private List<String> clauseList(Node n) {
        List<String> cl = n.strList("clauses");
        if (cl.isEmpty()) throw n.fail("clauses: at least one citation is needed");
        for (String c : cl) checkClause(n.get("clauses"), c);
        return cl;
    }

    private Scope scope(Node n) {
        List<String> only = n.strList("places");
        List<String> except = n.strList("except_places");
        for (String s : only) if (!placeNamesAndGroups.contains(s)) throw n.get("places").fail("no place or group " + s);
        for (String s : except) if (!placeNamesAndGroups.contains(s)) throw n.get("except_places").fail("no place or group " + s);
        return new Scope(only, except);
    }

    private List<Cited> cited(Node parent, String key) {
        List<Cited> out = new ArrayList<>();
        for (Node m : parent.list(key)) {
            // a note may say how the model reads words open to more than one reading ("reading")
            // and whether that reading is told to the citizen ("tell": the model takes the broader of two readings)
            // ("of: family": the reading told is about who may come along, and is told with answers about them)
            m.only(key.equals("notes") ? Set.of("text", "clause", "reading", "tell", "of") : Set.of("text", "clause"));
            boolean tell = m.bool("tell", false);
            if (tell && m.optStr("reading") == null) throw m.get("tell").fail("needs a reading to tell");
            String of = m.optStr("of");
            if (of != null && (!of.equals("family") || !tell)) throw m.get("of").fail("of: family, on a reading told, is the only kind");
            out.add(new Cited(m.str("text"), cite(m, "clause"), joinLines(m.optStr("reading")), tell, of != null));
        }
        return out;
    }

    /** A folded YAML text broken across lines has a space at each break; Chinese takes none. */
    static String joinLines(String s) {
        if (s == null) return null;
        return s.strip().replaceAll("(?<=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}“”])\\s+"
                + "|\\s+(?=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}“”])", "");
    }

    private String cite(Node n, String key) {
        String c = n.str(key);
        checkClause(n.get(key), c);
        return c;
    }

    private void checkClause(Node where, String clauseId) {
        if (!clauses.containsKey(clauseId)) throw where.fail("cites clause " + clauseId + ", which the document does not have");
    }

    private Condition condition(Node n) {
        if (!n.json.isObject()) throw n.fail("a condition must be a mapping with fact, all or any");
        String says = n.optStr("says");
        String clause = n.has("clause") ? cite(n, "clause") : null;
        if (n.has("all") || n.has("any")) {
            n.only(Set.of("all", "any", "says", "clause"));
            if (n.has("all") && n.has("any")) throw n.fail("has both all and any; nest one inside the other");
            String key = n.has("all") ? "all" : "any";
            List<Condition> parts = new ArrayList<>();
            for (Node part : n.list(key)) parts.add(condition(part));
            if (parts.isEmpty()) throw n.get(key).fail("is empty");
            return key.equals("all") ? new Condition.All(parts, says, clause) : new Condition.Any(parts, says, clause);
        }
        n.only(Set.of("fact", "is", "in", "not_in", "at_least", "below", "says", "clause", "unclear"));
        if (clause == null) throw n.fail("clause: every condition carries the clause it comes from");
        if (says == null) throw n.fail("says: every condition carries the document's words");
        String factId = n.str("fact");
        Fact fact = vocabulary.find(factId).orElseThrow(() -> n.get("fact").fail("undeclared fact " + factId + " (declare it in facts.yaml)"));
        List<Condition.Op> ops = new ArrayList<>();
        for (Condition.Op op : Condition.Op.values()) if (n.has(op.yaml)) ops.add(op);
        if (ops.size() != 1) throw n.fail("needs exactly one of is, in, not_in, at_least, below");
        Condition.Op op = ops.get(0);
        Node v = n.get(op.yaml);
        Object operand = operand(fact, op, v);
        String unclear = joinLines(n.optStr("unclear"));
        if (unclear != null && unclear.isBlank()) throw n.get("unclear").fail("must say what the citizen is told");
        return new Condition.Leaf(factId, op, operand, says, clause, unclear);
    }

    private Object operand(Fact fact, Condition.Op op, Node v) {
        try {
            switch (op) {
                case IS -> {
                    return fact.normalise(scalar(v));
                }
                case IN, NOT_IN -> {
                    if (!fact.type().enumerated()) throw v.fail(op.yaml + " is for choice and level facts; " + fact.id() + " is " + fact.type().yamlName());
                    List<String> vals = new ArrayList<>();
                    for (Node item : listOf(v)) vals.add((String) fact.normalise(scalar(item)));
                    return List.copyOf(vals);
                }
                default -> {
                    if (fact.type() == FactType.LEVEL) return fact.normalise(scalar(v));
                    if (!fact.type().numeric()) throw v.fail(op.yaml + " is for months, years and level facts; " + fact.id() + " is " + fact.type().yamlName());
                    return fact.normalise(scalar(v));
                }
            }
        } catch (IllegalArgumentException e) {
            throw v.fail(e.getMessage());
        }
    }

    private static Object scalar(Node v) {
        if (v.json.isBoolean()) return v.json.booleanValue();
        if (v.json.isNumber()) return v.json.numberValue();
        if (v.json.isTextual()) return v.json.textValue();
        throw v.fail("must be a single value");
    }

    private static List<Node> listOf(Node v) {
        if (!v.json.isArray()) throw v.fail("must be a list");
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < v.json.size(); i++) out.add(new Node(v.json.get(i), v.file, v.path + "[" + i + "]"));
        return out;
    }
}
