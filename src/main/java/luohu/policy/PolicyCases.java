package luohu.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The YAML test cases of policies/tests/: facts in, outcome per pathway out. Used by the test suite and by the
 * {@code check} command, so that whoever adds a place runs the same checks.
 */
public final class PolicyCases {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One case, ready to run. */
    public record Case(String file, String documentId, String name, JsonNode json) {
        @Override
        public String toString() {
            return documentId + ": " + name;
        }
    }

    private PolicyCases() {
    }

    /** Every case of every file under {@code testsDir}. */
    public static List<Case> read(Path testsDir) {
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> list = Files.list(testsDir)) {
            for (Path p : list.sorted().toList()) {
                if (p.toString().endsWith(".yaml")) files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(files);
    }

    /** Every case of the given test files: file name to YAML text, in name order. */
    public static List<Case> read(Map<String, String> testFiles) {
        List<Case> out = new ArrayList<>();
        for (Map.Entry<String, String> f : new java.util.TreeMap<>(testFiles).entrySet()) {
            String file = "tests/" + f.getKey();
            JsonNode root;
            try {
                root = YAML.readTree(f.getValue());
            } catch (IOException e) {
                throw new PolicyException(file, "", "not valid YAML: " + e.getMessage());
            }
            if (root == null || !root.has("document") || !root.has("cases")) {
                throw new PolicyException(file, "", "needs document and cases");
            }
            String doc = root.get("document").asText();
            for (int i = 0; i < root.get("cases").size(); i++) {
                JsonNode c = root.get("cases").get(i);
                String name = c.has("name") ? c.get("name").asText() : "case " + i;
                out.add(new Case(file, doc, "cases[" + i + "] " + name, c));
            }
        }
        return out;
    }

    /** Runs one case; returns what is wrong, empty when it passes. */
    public static List<String> run(Case c, PolicyEngine engine) {
        List<String> problems = new ArrayList<>();
        PolicyModel model = engine.model();
        JsonNode j = c.json();
        Place place = model.place(j.path("place").asText()).orElse(null);
        if (place == null) return List.of("unknown place " + j.path("place").asText());
        if (!place.documentId().equals(c.documentId())) {
            return List.of("place " + place.name() + " belongs to " + place.documentId() + ", not " + c.documentId());
        }
        Facts facts;
        try {
            facts = model.vocabulary().parse(YAML.convertValue(j.path("facts"), Map.class) == null
                    ? Map.of() : toMap(j.path("facts")));
        } catch (IllegalArgumentException e) {
            return List.of("facts: " + e.getMessage());
        }
        Assessment a = engine.assess(place, facts);
        j.path("expect").fields().forEachRemaining(e -> {
            Status want = Status.parse(e.getValue().asText());
            PathwayOutcome o = find(a, e.getKey(), problems);
            if (o != null && o.status() != want) {
                problems.add(e.getKey() + ": expected " + want.id + ", got " + describe(o));
            }
        });
        j.path("missing").fields().forEachRemaining(e -> {
            PathwayOutcome o = find(a, e.getKey(), problems);
            Set<String> want = new HashSet<>();
            e.getValue().forEach(v -> want.add(v.asText()));
            if (o != null && !new HashSet<>(o.missing()).equals(want)) {
                problems.add(e.getKey() + ": expected missing " + want + ", got " + describe(o));
            }
        });
        j.path("failed").fields().forEachRemaining(e -> {
            PathwayOutcome o = find(a, e.getKey(), problems);
            if (o == null) return;
            Set<String> clauses = new HashSet<>();
            o.failures().forEach(f -> clauses.add(f.condition().clause()));
            List<String> want = new ArrayList<>();
            if (e.getValue().isArray()) e.getValue().forEach(v -> want.add(v.asText()));
            else want.add(e.getValue().asText());
            for (String w : want) {
                if (!clauses.contains(w)) problems.add(e.getKey() + ": expected a failed condition of clause " + w + ", got " + describe(o));
            }
        });
        // more than the status: what the citizen is told about a pathway
        j.path("materials").fields().forEachRemaining(e -> {
            PathwayOutcome o = find(a, e.getKey(), problems);
            if (o == null) return;
            if (e.getValue().isEmpty() && !o.pathway().materialsSilent()) {
                problems.add(e.getKey() + ": expected no materials listed (materials_silent), got " + texts(o.pathway().materials()));
            }
            for (JsonNode w : e.getValue()) {
                if (o.pathway().materials().stream().noneMatch(m -> m.text().contains(w.asText()))) {
                    problems.add(e.getKey() + ": expected a material with \"" + w.asText() + "\", got " + texts(o.pathway().materials()));
                }
            }
        });
        j.path("family").fields().forEachRemaining(e -> {
            PathwayOutcome o = find(a, e.getKey(), problems);
            if (o == null) return;
            List<String> want = new ArrayList<>();
            e.getValue().forEach(v -> want.add(v.asText()));
            List<String> got = o.pathway().family().stream().map(FamilyMember::relation).toList();
            if (!got.equals(want)) problems.add(e.getKey() + ": expected family " + want + ", got " + got);
        });
        j.path("registration").fields().forEachRemaining(e -> {
            PathwayOutcome o = find(a, e.getKey(), problems);
            if (o == null) return;
            List<String> want = new ArrayList<>();
            e.getValue().forEach(v -> want.add(v.asText()));
            List<List<String>> got = o.registration().stream().map(Registration::order).toList();
            if (want.isEmpty() ? !got.isEmpty() : !got.contains(want)) {
                problems.add(e.getKey() + ": expected registration " + want + ", got " + got);
            }
        });
        j.path("notes").fields().forEachRemaining(e -> {
            PathwayOutcome o = find(a, e.getKey(), problems);
            if (o == null) return;
            for (JsonNode w : e.getValue()) {
                if (o.pathway().notes().stream().noneMatch(n -> n.text().contains(w.asText())
                        || (n.reading() != null && n.reading().contains(w.asText())))) {
                    problems.add(e.getKey() + ": expected a note with \"" + w.asText() + "\"");
                }
            }
        });
        j.path("readings").fields().forEachRemaining(e -> {
            PathwayOutcome o = find(a, e.getKey(), problems);
            if (o == null) return;
            List<String> got = o.readings().stream().map(Cited::reading).toList();
            if (e.getValue().isEmpty() && !got.isEmpty()) problems.add(e.getKey() + ": expected no reading told, got " + got);
            for (JsonNode w : e.getValue()) {
                if (got.stream().noneMatch(r -> r.contains(w.asText()))) {
                    problems.add(e.getKey() + ": expected a reading told with \"" + w.asText() + "\", got " + got);
                }
            }
        });
        for (JsonNode p : j.path("place_unknown")) {
            PathwayOutcome o = find(a, p.asText(), problems);
            if (o != null && !o.placeUnknown()) problems.add(p.asText() + ": expected to wait for the place, got " + describe(o));
        }
        for (JsonNode r : j.path("not_rules")) {
            if (a.rules().stream().anyMatch(rule -> rule.id().equals(r.asText()))
                    || a.general().stream().anyMatch(rule -> rule.id().equals(r.asText()))) {
                problems.add("rule " + r.asText() + " applies, and should not");
            }
        }
        for (JsonNode r : j.path("rules")) {
            // a rule without a condition holds for everyone in the place
            if (a.rules().stream().noneMatch(rule -> rule.id().equals(r.asText()))
                    && a.general().stream().noneMatch(rule -> rule.id().equals(r.asText()))) {
                problems.add("rule " + r.asText() + " does not apply; applying: " + a.rules().stream().map(Rule::id).toList());
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        facts.fields().forEachRemaining(e -> out.put(e.getKey(), YAML.convertValue(e.getValue(), Object.class)));
        return out;
    }

    private static List<String> texts(List<Cited> cited) {
        return cited.stream().map(Cited::text).toList();
    }

    private static PathwayOutcome find(Assessment a, String pathwayId, List<String> problems) {
        try {
            return a.outcome(pathwayId);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static String describe(PathwayOutcome o) {
        return switch (o.status()) {
            case NOT_ELIGIBLE -> "not_eligible (failed: " + o.failures().stream()
                    .map(f -> f.condition().fact() + " " + f.condition().clause()).toList() + ")";
            case UNDETERMINED -> "undetermined (missing: " + o.missing() + (o.placeUnknown() ? ", place" : "")
                    + (o.unclear().isEmpty() ? "" : ", unclear: " + o.unclear().stream().map(Cited::clause).toList()) + ")";
            default -> o.status().id;
        };
    }
}
