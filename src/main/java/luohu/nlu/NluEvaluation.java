package luohu.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import luohu.policy.Excluded;
import luohu.policy.Fact;
import luohu.policy.FactType;
import luohu.policy.Facts;
import luohu.policy.Place;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Precision and recall of facts, accuracy of intents, asks and applicants, places, and polarity flips over a
 * labelled set of messages (one JSON object a line: text, intent, ask, doc, facts, applicant, asked).
 */
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

    /** Right out of labelled. */
    public static final class Accuracy {
        int right, total;

        public double value() {
            return total == 0 ? Double.NaN : (double) right / total;
        }

        public int total() {
            return total;
        }

        void add(boolean ok) {
            total++;
            if (ok) right++;
        }

        @Override
        public String toString() {
            return total == 0 ? "n/a" : String.format("%.3f (%d/%d)", value(), right, total);
        }
    }

    /** A labelled set that cannot be scored: the file is missing, unreadable, empty, or a line is not a label. */
    public static final class BadSet extends Exception {
        public BadSet(String message) {
            super(message);
        }
    }

    public final String name;
    public final Map<String, Score> facts = new TreeMap<>();
    public final Map<String, Score> intents = new TreeMap<>();
    public final Score allFacts = new Score();
    public final Score allIntents = new Score();
    public final Accuracy intentAccuracy = new Accuracy();
    public final Accuracy askAccuracy = new Accuracy();
    public final Accuracy applicantAccuracy = new Accuracy();
    public final Score places = new Score();
    /** Messages where a fact was recorded with the opposite of what the message says. */
    public final List<String> polarityFlips = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public int messages;

    private NluEvaluation(String name) {
        this.name = name;
    }

    /** Scores labelled lines; an unreadable line is an error message in {@link #errors} (prefer {@link #of}). */
    public static NluEvaluation run(Understander understander, List<String> lines) {
        NluEvaluation e = new NluEvaluation("messages");
        for (String line : lines) {
            if (line.isBlank()) continue;
            try {
                e.add(understander, JSON.readTree(line));
            } catch (IOException | RuntimeException ex) {
                e.errors.add("unreadable line: " + line);
            }
        }
        return e;
    }

    /**
     * Scores the labelled messages of one or more files as one part.
     *
     * @throws BadSet naming the file and line when a file is missing or unreadable, holds no message, or a line is
     *                not a label (not JSON, no text, an unknown fact or value)
     */
    public static NluEvaluation of(Understander understander, String name, List<Path> files) throws BadSet {
        NluEvaluation e = new NluEvaluation(name);
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException ex) {
                throw new BadSet(file + ": not UTF-8 text");
            } catch (IOException ex) {
                throw new BadSet(file + ": cannot be read (" + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()) + ")");
            }
            int before = e.messages;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) continue;
                JsonNode j;
                try {
                    j = JSON.readTree(line);
                } catch (IOException ex) {
                    throw new BadSet(file + ", line " + (i + 1) + ": not JSON");
                }
                if (!j.isObject() || !j.path("text").isTextual() || !j.path("intent").isTextual()) {
                    throw new BadSet(file + ", line " + (i + 1) + ": a label needs \"text\" and \"intent\"");
                }
                try {
                    e.add(understander, j);
                } catch (IllegalArgumentException ex) {
                    throw new BadSet(file + ", line " + (i + 1) + ": " + ex.getMessage());
                }
            }
            if (e.messages == before) throw new BadSet(file + ": no labelled messages");
        }
        return e;
    }

    private void add(Understander u, JsonNode j) {
        String text = j.path("text").asText();
        String asked = j.hasNonNull("asked") ? j.get("asked").asText() : null;
        Map<String, Object> expected = new TreeMap<>();
        j.path("facts").fields().forEachRemaining(f -> {
            Fact fact = u.model().vocabulary().find(f.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("no such fact " + f.getKey()));
            expected.put(f.getKey(), fact.normalise(JSON.convertValue(f.getValue(), Object.class)));
        });
        if (asked != null && u.model().vocabulary().find(asked).isEmpty()) throw new IllegalArgumentException("asked: no such fact " + asked);
        messages++;
        Understanding r = u.understand(text, asked);
        List<String> wrong = new ArrayList<>();

        String want = j.path("intent").asText();
        String got = r.intent().id();
        intentAccuracy.add(want.equals(got));
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
        if (j.hasNonNull("ask")) {
            String wantAsk = j.get("ask").asText();
            String gotAsk = r.ask() == null ? "none" : r.ask().id();
            askAccuracy.add(wantAsk.equals(gotAsk));
            if (!wantAsk.equals(gotAsk)) wrong.add("ask " + gotAsk + " (want " + wantAsk + ")");
        }
        if (j.has("applicant")) {
            String wantApplicant = j.get("applicant").isNull() ? null : j.get("applicant").asText();
            applicantAccuracy.add(Objects.equals(wantApplicant, r.applicant()));
            if (!Objects.equals(wantApplicant, r.applicant())) wrong.add("applicant " + r.applicant() + " (want " + wantApplicant + ")");
        }

        Facts predicted = r.facts();
        boolean flipped = false;
        for (Map.Entry<String, Object> p : predicted.asMap().entrySet()) {
            Object w = expected.get(p.getKey());
            if (w != null && opposite(u.model().vocabulary().get(p.getKey()), w, p.getValue())) {
                flipped = true;
                wrong.add("POLARITY " + p.getKey() + "=" + p.getValue() + " (want " + w + ")");
            }
            if (p.getValue() instanceof Excluded) continue; // partial knowledge; labels cannot state it
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
        if (flipped) polarityFlips.add(text);

        String doc = j.hasNonNull("doc") ? j.get("doc").asText() : null;
        String gotDoc = r.document();
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

    /**
     * A fact recorded as the opposite of what the message says: yes for no, a value ruled out that was stated,
     * none for something (没工作 for 在厂里上班), nothing for some (0 months for 交了两年).
     */
    static boolean opposite(Fact fact, Object want, Object got) {
        if (want == null || got == null) return false;
        if (fact.type() == FactType.BOOL) return !want.equals(got);
        if (got instanceof Excluded ex) return ex.values().contains(String.valueOf(want));
        if (fact.type() == FactType.CHOICE || fact.type() == FactType.LEVEL) {
            return !want.equals(got) && ("none".equals(want) || "none".equals(got)) && fact.valueIds().contains("none");
        }
        if (want instanceof Number a && got instanceof Number b) return (a.doubleValue() == 0) != (b.doubleValue() == 0);
        return false;
    }

    private static boolean same(Object want, Object got) {
        if (want == null || got == null) return false;
        if (want instanceof Number a && got instanceof Number b) return Math.abs(a.doubleValue() - b.doubleValue()) < 0.01;
        return want.equals(got);
    }

    private static Score score(Map<String, Score> m, String key) {
        return m.computeIfAbsent(key, k -> new Score());
    }

    /** The figures of this part in a few lines. */
    public String summary() {
        return String.format("%s: %d messages%n  facts      P %.3f  R %.3f  (%d stated)%n  intent     %s%n  ask        %s%n"
                        + "  applicant  %s%n  places     P %.3f  R %.3f%n  polarity flips %d%n",
                name, messages, allFacts.precision(), allFacts.recall(), allFacts.support(), intentAccuracy, askAccuracy,
                applicantAccuracy, places.precision(), places.recall(), polarityFlips.size());
    }

    /** A readable table: per fact and per intent precision, recall and support, then the overall figures. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s: %d messages%n%nFACTS%n%-28s %9s %9s %8s%n", name, messages, "", "precision", "recall", "support"));
        facts.forEach((k, s) -> sb.append(String.format("%-28s %9.3f %9.3f %8d%n", k, s.precision(), s.recall(), s.support())));
        sb.append(String.format("%-28s %9.3f %9.3f %8d%n", "ALL FACTS", allFacts.precision(), allFacts.recall(), allFacts.support()));
        sb.append(String.format("%nINTENTS%n%-28s %9s %9s %8s%n", "", "precision", "recall", "support"));
        intents.forEach((k, s) -> sb.append(String.format("%-28s %9.3f %9.3f %8d%n", k, s.precision(), s.recall(), s.support())));
        sb.append(String.format("%-28s %9.3f %9.3f %8d%n", "ALL INTENTS", allIntents.precision(), allIntents.recall(), allIntents.support()));
        sb.append(String.format("%nASK %s   APPLICANT %s   POLARITY FLIPS %d%n", askAccuracy, applicantAccuracy, polarityFlips.size()));
        sb.append(String.format("%nPLACES %9.3f %9.3f %8d%n", places.precision(), places.recall(), places.support()));
        return sb.toString();
    }
}
