package luohu.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import luohu.policy.Excluded;
import luohu.policy.Fact;
import luohu.policy.Facts;
import luohu.policy.Place;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Precision and recall of facts, intents and places over a labelled set of messages (one JSON object a line). */
public final class NluEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Counts for one label. */
    public static final class Score {
        int tp, fp, fn;

        public double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        public int support() {
            return tp + fn;
        }
    }

    public final Map<String, Score> facts = new TreeMap<>();
    public final Map<String, Score> intents = new TreeMap<>();
    public final Score allFacts = new Score();
    public final Score allIntents = new Score();
    public final Score places = new Score();
    public final List<String> errors = new ArrayList<>();
    public int messages;

    public static NluEvaluation run(Understander understander, List<String> lines) {
        NluEvaluation e = new NluEvaluation();
        for (String line : lines) {
            if (line.isBlank()) continue;
            try {
                e.add(understander, JSON.readTree(line));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                e.errors.add("unreadable line: " + line);
            }
        }
        return e;
    }

    private void add(Understander u, JsonNode j) {
        messages++;
        String text = j.path("text").asText();
        String asked = j.hasNonNull("asked") ? j.get("asked").asText() : null;
        Understanding r = u.understand(text, asked);
        List<String> wrong = new ArrayList<>();

        String want = j.path("intent").asText();
        String got = r.intent().id();
        if (want.equals(got)) {
            score(intents, want).tp++;
            allIntents.tp++;
        } else {
            score(intents, want).fn++;
            score(intents, got).fp++;
            allIntents.fn++;
            allIntents.fp++;
            wrong.add("intent " + got + " (want " + want + ")");
        }

        Map<String, Object> expected = new TreeMap<>();
        j.path("facts").fields().forEachRemaining(f -> {
            Fact fact = u.model().vocabulary().get(f.getKey());
            expected.put(f.getKey(), fact.normalise(JSON.convertValue(f.getValue(), Object.class)));
        });
        Facts predicted = r.facts();
        for (Map.Entry<String, Object> p : predicted.asMap().entrySet()) {
            if (p.getValue() instanceof Excluded) continue; // partial knowledge; labels cannot state it
            Object w = expected.get(p.getKey());
            if (same(w, p.getValue())) {
                score(facts, p.getKey()).tp++;
                allFacts.tp++;
            } else {
                score(facts, p.getKey()).fp++;
                allFacts.fp++;
                wrong.add(p.getKey() + "=" + p.getValue() + (w == null ? " (not stated)" : " (want " + w + ")"));
            }
        }
        for (Map.Entry<String, Object> x : expected.entrySet()) {
            Object p = predicted.get(x.getKey()).orElse(null);
            if (!same(x.getValue(), p)) {
                score(facts, x.getKey()).fn++;
                allFacts.fn++;
                if (p == null || p instanceof Excluded) wrong.add("missed " + x.getKey() + "=" + x.getValue());
            }
        }

        String doc = j.hasNonNull("doc") ? j.get("doc").asText() : null;
        Place first = r.places().first();
        String gotDoc = first == null ? null : first.documentId();
        if (doc != null || gotDoc != null) {
            if (Objects.equals(doc, gotDoc)) places.tp++;
            else {
                if (gotDoc != null) places.fp++;
                if (doc != null) places.fn++;
                wrong.add("place " + gotDoc + " (want " + doc + ")");
            }
        }
        if (!wrong.isEmpty()) errors.add(text + (asked == null ? "" : " [asked " + asked + "]") + " → " + String.join("; ", wrong));
    }

    private static boolean same(Object want, Object got) {
        if (want == null || got == null) return false;
        if (want instanceof Number a && got instanceof Number b) return Math.abs(a.doubleValue() - b.doubleValue()) < 0.01;
        return want.equals(got);
    }

    private static Score score(Map<String, Score> m, String key) {
        return m.computeIfAbsent(key, k -> new Score());
    }

    /** A readable table: per fact and per intent precision, recall and support, then the overall figures. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%d messages%n%nFACTS%n%-28s %9s %9s %8s%n", messages, "", "precision", "recall", "support"));
        facts.forEach((k, s) -> sb.append(String.format("%-28s %9.3f %9.3f %8d%n", k, s.precision(), s.recall(), s.support())));
        sb.append(String.format("%-28s %9.3f %9.3f %8d%n", "ALL FACTS", allFacts.precision(), allFacts.recall(), allFacts.support()));
        sb.append(String.format("%nINTENTS%n%-28s %9s %9s %8s%n", "", "precision", "recall", "support"));
        intents.forEach((k, s) -> sb.append(String.format("%-28s %9.3f %9.3f %8d%n", k, s.precision(), s.recall(), s.support())));
        sb.append(String.format("%-28s %9.3f %9.3f %8d%n", "ALL INTENTS", allIntents.precision(), allIntents.recall(), allIntents.support()));
        sb.append(String.format("%nPLACES %9.3f %9.3f %8d%n", places.precision(), places.recall(), places.support()));
        return sb.toString();
    }
}
