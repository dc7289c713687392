package luohu.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The shared vocabulary of facts (policies/facts.yaml). */
public final class FactVocabulary {
    private final Map<String, Fact> facts;

    public FactVocabulary(Collection<Fact> facts) {
        Map<String, Fact> byId = new LinkedHashMap<>();
        for (Fact f : facts) byId.put(f.id(), f);
        this.facts = java.util.Collections.unmodifiableMap(byId);
    }

    public Optional<Fact> find(String id) {
        return Optional.ofNullable(facts.get(id));
    }

    /** @throws IllegalArgumentException naming the accepted fact ids when {@code id} is not declared */
    public Fact get(String id) {
        Fact f = facts.get(id);
        if (f == null) {
            throw new IllegalArgumentException("unknown fact \"" + id + "\"; known facts: " + String.join(", ", facts.keySet()));
        }
        return f;
    }

    public Collection<Fact> all() {
        return facts.values();
    }

    /** Checks and normalises a whole map of raw values, e.g. from JSON. */
    public Facts parse(Map<String, ?> raw) {
        Facts result = Facts.EMPTY;
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            if (e.getValue() == null) continue;
            result = result.with(e.getKey(), get(e.getKey()).normalise(e.getValue()));
        }
        return result;
    }
}
