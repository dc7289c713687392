package luohu.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One policy document, fully modelled. */
public record PolicyDocument(DocumentInfo info, List<Place> places, List<PlaceGroup> groups,
                             Map<String, Clause> clauses, List<Pathway> pathways, List<Rule> rules) {
    public PolicyDocument {
        places = List.copyOf(places);
        groups = List.copyOf(groups);
        clauses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(clauses));
        pathways = List.copyOf(pathways);
        rules = List.copyOf(rules);
    }

    public String id() {
        return info.id();
    }

    public Place rootPlace() {
        return places.get(0);
    }

    public Clause clause(String id) {
        Clause c = clauses.get(id);
        if (c == null) throw new IllegalArgumentException("no clause " + id + " in " + id());
        return c;
    }

    public Optional<Pathway> pathway(String id) {
        return pathways.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<PlaceGroup> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** "赤政发〔2016〕50号 二（一）1（2）": how an answer cites a clause. */
    public String cite(String clauseId) {
        return info.shortCite() + " " + clause(clauseId).label();
    }
}
