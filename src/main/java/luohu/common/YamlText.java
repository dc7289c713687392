package luohu.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads a data file's YAML into a tree; a fault names the file and the line. */
public final class YamlText {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlText() {
    }

    /** @throws IllegalArgumentException "flow.yaml: line 12: …" when the text is not YAML */
    public static JsonNode tree(String yaml, String file) {
        try {
            JsonNode root = YAML.readTree(yaml);
            return root == null ? YAML.createObjectNode() : root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new IllegalArgumentException(file + ": " + line + e.getOriginalMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        }
    }
}
