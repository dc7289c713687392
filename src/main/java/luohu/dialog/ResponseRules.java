package luohu.dialog;

import com.fasterxml.jackson.databind.JsonNode;
import luohu.common.YamlText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * dialogs/responses.yaml: ordered rules over the named conditions of a {@link Situation}, each naming the kind of
 * answer to give. The first rule that holds wins. Which rules were ever taken is kept, so that a test can fail on
 * a rule nothing reaches.
 */
public final class ResponseRules {
    /** The kinds of answer Java can render; a rule naming any other fails at start. */
    public static final Set<String> KINDS = Set.of("identity", "ask_place", "no_pathways", "cross_province", "practical",
            "alternatives", "materials", "menu", "registration", "family", "eligible", "refused", "conditional", "interview", "whatif", "nearest");

    /** One rule: its name, its conditions (condition name to the values any of which holds), its kind of answer. */
    public record Rule(int index, String name, Map<String, List<String>> when, String say) {
        boolean holds(Situation s) {
            for (Map.Entry<String, List<String>> c : when.entrySet()) {
                if (!c.getValue().contains(s.value(c.getKey()))) return false;
            }
            return true;
        }
    }

    private final List<Rule> rules;
    private final Set<String> taken = ConcurrentHashMap.newKeySet();

    private ResponseRules(List<Rule> rules) {
        this.rules = rules;
    }

    public static ResponseRules parse(String yaml) {
        JsonNode root = YamlText.tree(yaml, "responses.yaml");
        List<Rule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.path("rules")) {
            String where = "responses.yaml: rules[" + i + "]";
            String name = r.path("name").asText("");
            if (name.isBlank()) throw new IllegalArgumentException(where + ".name: missing");
            String say = r.path("say").asText("");
            if (!KINDS.contains(say)) throw new IllegalArgumentException(where + ".say: unknown kind of answer '" + say + "'; known: " + new java.util.TreeSet<>(KINDS));
            Map<String, List<String>> when = new LinkedHashMap<>();
            var fields = r.path("when").fields();
            while (fields.hasNext()) {
                var e = fields.next();
                Set<String> allowed = Situation.VALUES.get(e.getKey());
                if (allowed == null) throw new IllegalArgumentException(where + ".when: unknown condition '" + e.getKey() + "'; known: " + Situation.VALUES.keySet());
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
                else values.add(e.getValue().asText());
                for (String v : values) {
                    if (!allowed.contains(v)) throw new IllegalArgumentException(where + ".when." + e.getKey() + ": unknown value '" + v + "'; known: " + allowed);
                }
                when.put(e.getKey(), List.copyOf(values));
            }
            rules.add(new Rule(i++, name, when, say));
        }
        if (rules.isEmpty()) throw new IllegalArgumentException("responses.yaml: rules: at least one is needed");
        return new ResponseRules(List.copyOf(rules));
    }

    /** The first rule that holds, or null when none does. */
    public Rule pick(Situation s) {
        for (Rule r : rules) {
            if (r.holds(s)) {
                taken.add(r.name());
                return r;
            }
        }
        return null;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The names of the rules taken since start. */
    public Set<String> taken() {
        return Set.copyOf(taken);
    }
}
