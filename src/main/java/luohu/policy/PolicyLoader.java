package luohu.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import luohu.common.DataFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads and validates the policy model: facts.yaml, topics.yaml and one file per document. Any fault stops loading
 * with a {@link PolicyException} naming the file, the path inside it and what is wrong.
 */
public final class PolicyLoader {
    static final String FACTS_FILE = "facts.yaml";
    static final String TOPICS_FILE = "topics.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PolicyLoader() {
    }

    /** Loads from {@code dir}, or from the jar's own policies/ when {@code dir} is null. */
    public static PolicyModel load(Path dir) {
        return load(DataFiles.yamlFiles("policies", dir));
    }

    /** Loads from file name to YAML text. */
    public static PolicyModel load(Map<String, String> files) {
        if (!files.containsKey(FACTS_FILE)) throw new PolicyException(FACTS_FILE, "", "is missing");
        if (!files.containsKey(TOPICS_FILE)) throw new PolicyException(TOPICS_FILE, "", "is missing");
        FactVocabulary vocabulary = facts(root(FACTS_FILE, files.get(FACTS_FILE)));
        Map<String, String> topics = topics(root(TOPICS_FILE, files.get(TOPICS_FILE)));
        List<PolicyDocument> documents = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (e.getKey().equals(FACTS_FILE) || e.getKey().equals(TOPICS_FILE)) continue;
            String id = e.getKey().substring(0, e.getKey().length() - ".yaml".length());
            documents.add(new DocumentReader(root(e.getKey(), e.getValue()), id, vocabulary, topics).read());
        }
        if (documents.isEmpty()) throw new PolicyException("policies", "", "no document files");
        checkUnique(documents);
        return new PolicyModel(documents, vocabulary, topics, version(files));
    }

    private static Node root(String file, String text) {
        try {
            JsonNode json = YAML.readTree(text);
            if (json == null || !json.isObject()) throw new PolicyException(file, "", "must be a YAML mapping");
            return new Node(json, file, "");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
            throw new PolicyException(file, where, "not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static FactVocabulary facts(Node root) {
        root.only(Set.of("facts"));
        List<Fact> facts = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Node f : root.list("facts")) {
            f.only(Set.of("id", "name", "type", "description", "values", "unit"));
            String id = f.str("id");
            if (!id.matches("[a-z][a-z0-9_]*")) throw f.get("id").fail("must be lower_snake_case, not " + id);
            if (!seen.add(id)) throw f.get("id").fail("duplicate fact " + id);
            FactType type = FactType.parse(f.str("type"));
            if (type == null) throw f.get("type").fail("must be one of bool, choice, level, months, years");
            Map<String, String> values = new LinkedHashMap<>();
            if (type.enumerated()) {
                Node v = f.get("values");
                if (!v.json.isObject() || v.json.isEmpty()) throw v.fail("must map value ids to labels");
                v.json.fields().forEachRemaining(en -> values.put(en.getKey(), en.getValue().asText()));
            } else if (f.has("values")) {
                throw f.get("values").fail("only choice and level facts have values");
            }
            if (f.has("unit") && !type.numeric()) throw f.get("unit").fail("only months and years facts have a unit");
            facts.add(new Fact(id, f.str("name"), type, f.str("description"), values, f.optStr("unit")));
        }
        if (facts.isEmpty()) throw root.fail("declares no facts");
        return new FactVocabulary(facts);
    }

    private static Map<String, String> topics(Node root) {
        root.only(Set.of("topics"));
        Node t = root.get("topics");
        if (!t.json.isObject()) throw t.fail("must map topic ids to names");
        Map<String, String> out = new LinkedHashMap<>();
        t.json.fields().forEachRemaining(en -> out.put(en.getKey(), en.getValue().asText()));
        return out;
    }

    /** Ids of clauses, pathways and rules, and place names and aliases, must not clash across documents. */
    private static void checkUnique(List<PolicyDocument> documents) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (PolicyDocument d : documents) {
            String file = d.id() + ".yaml";
            List<String> own = new ArrayList<>(d.clauses().keySet());
            d.pathways().forEach(p -> own.add(p.id()));
            d.rules().forEach(r -> own.add(r.id()));
            for (String id : own) {
                String other = ids.putIfAbsent(id, d.id());
                if (other != null) throw new PolicyException(file, id, "id already used in " + other + ".yaml");
            }
            for (Place p : d.places()) {
                List<String> all = new ArrayList<>(p.aliases());
                all.add(p.name());
                for (String n : all) {
                    String other = names.putIfAbsent(n, d.id());
                    if (other != null && !other.equals(d.id())) {
                        throw new PolicyException(file, "places." + p.name(), "name " + n + " already belongs to " + other + ".yaml");
                    }
                }
            }
        }
    }

    private static String version(Map<String, String> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
