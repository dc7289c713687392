package luohu.nlu;

import luohu.policy.Excluded;
import luohu.policy.Fact;
import luohu.policy.FactType;
import luohu.policy.FactVocabulary;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes values read from a message into its facts, each normalised as the vocabulary defines the fact. */
final class FactWriter {
    private final FactVocabulary vocabulary;

    FactWriter(FactVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Sets the values (with onlyIfUnset, only facts not yet set); values ruled out are gathered in excluded. */
    @SuppressWarnings("unchecked")
    void apply(Map<String, Object> values, Map<String, Object> facts, Map<String, Set<String>> excluded, boolean onlyIfUnset) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getKey().equals("exclude")) {
                ((Map<String, List<String>>) e.getValue()).forEach((f, vs) -> excluded.computeIfAbsent(f, k -> new HashSet<>()).addAll(vs));
                continue;
            }
            if (onlyIfUnset && facts.containsKey(e.getKey())) continue;
            facts.put(e.getKey(), vocabulary.get(e.getKey()).normalise(e.getValue()));
        }
    }

    /** Sets a numeric fact: whole months for a fact counted in months. */
    void put(Map<String, Object> facts, String fact, double value) {
        Fact f = vocabulary.get(fact);
        facts.put(fact, f.normalise(f.type() == FactType.MONTHS ? (Object) (int) value : (Object) value));
    }

    /** Ruling out every value but one decides it; ruling out owning and renting a home means having none. */
    Object closeExclusion(String factId, Set<String> out) {
        Fact f = vocabulary.get(factId);
        List<String> left = f.valueIds().stream().filter(v -> !out.contains(v)).toList();
        if (left.size() == 1) return left.get(0);
        if (factId.equals("housing") && out.contains("own") && out.contains("rent")) return "none";
        return new Excluded(out);
    }
}
