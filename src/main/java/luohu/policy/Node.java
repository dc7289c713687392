package luohu.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A YAML node that knows its file and path, so that every fault is reported where it is. */
final class Node {
    final JsonNode json;
    final String file;
    final String path;

    Node(JsonNode json, String file, String path) {
        this.json = json;
        this.file = file;
        this.path = path;
    }

    PolicyException fail(String problem) {
        return new PolicyException(file, path, problem);
    }

    private String sub(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return json.has(key) && !json.get(key).isNull();
    }

    Node get(String key) {
        if (!has(key)) throw new PolicyException(file, sub(key), "is missing");
        return new Node(json.get(key), file, sub(key));
    }

    Node opt(String key) {
        return has(key) ? get(key) : null;
    }

    String str(String key) {
        Node n = get(key);
        if (!n.json.isValueNode() || n.json.asText().isBlank()) throw n.fail("must be non-empty text");
        return n.json.asText().strip();
    }

    String optStr(String key) {
        return has(key) ? str(key) : null;
    }

    boolean bool(String key, boolean dflt) {
        if (!has(key)) return dflt;
        Node n = get(key);
        if (!n.json.isBoolean()) throw n.fail("must be true or false");
        return n.json.booleanValue();
    }

    /** A list of nodes; absent means empty. */
    List<Node> list(String key) {
        List<Node> out = new ArrayList<>();
        if (!has(key)) return out;
        Node n = get(key);
        if (!n.json.isArray()) throw n.fail("must be a list");
        for (int i = 0; i < n.json.size(); i++) out.add(new Node(n.json.get(i), file, n.path + "[" + i + "]"));
        return out;
    }

    /** A list of strings; a single string counts as a list of one; absent means empty. */
    List<String> strList(String key) {
        List<String> out = new ArrayList<>();
        if (!has(key)) return out;
        Node n = get(key);
        if (n.json.isValueNode()) {
            out.add(n.json.asText().strip());
            return out;
        }
        for (Node item : list(key)) {
            if (!item.json.isValueNode() || item.json.asText().isBlank()) throw item.fail("must be non-empty text");
            out.add(item.json.asText().strip());
        }
        return out;
    }

    /** Rejects keys outside {@code allowed}: a misspelt key would otherwise be silently ignored. */
    Node only(Set<String> allowed) {
        if (!json.isObject()) throw fail("must be a mapping");
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new PolicyException(file, sub(k), "unknown key; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
        return this;
    }
}
