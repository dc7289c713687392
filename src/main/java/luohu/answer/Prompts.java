package luohu.answer;

import com.fasterxml.jackson.databind.JsonNode;
import luohu.common.YamlText;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dialogs/prompts.yaml: every text the assistant says that is not policy text, with {placeholders}. */
public final class Prompts {
    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");
    private final Map<String, String> texts;
    /** Each prompt cut at its slots once: odd places hold slot names, even ones the text between them. */
    private final Map<String, String[]> parts = new HashMap<>();

    private Prompts(Map<String, String> texts) {
        this.texts = texts;
        texts.forEach((name, t) -> {
            java.util.List<String> cut = new java.util.ArrayList<>();
            Matcher m = SLOT.matcher(t);
            int at = 0;
            while (m.find()) {
                cut.add(t.substring(at, m.start()));
                cut.add(m.group(1));
                at = m.end();
            }
            cut.add(t.substring(at));
            parts.put(name, cut.toArray(String[]::new));
        });
    }

    public static Prompts parse(String yaml) {
        JsonNode root = YamlText.tree(yaml, "prompts.yaml");
        Map<String, String> texts = new HashMap<>();
        root.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        return new Prompts(texts);
    }

    /** The prompt with its slots filled; a slot without a value is left out. */
    public String say(String name, Object... keyValues) {
        String[] cut = parts.get(name);
        if (cut == null) throw new IllegalStateException("prompts.yaml has no prompt " + name);
        int size = 0;
        for (int i = 0; i < cut.length; i += 2) size += cut[i].length();
        // sized for the prompt's own words and a few slots' values: a reply's text is built once, without regrowing
        StringBuilder sb = new StringBuilder(size + 64);
        for (int i = 0; i < cut.length; i++) sb.append(i % 2 == 0 ? cut[i] : value(cut[i], keyValues));
        return sb.toString().strip();
    }

    /** The value given for a slot (the last, when given twice), or nothing. */
    private static String value(String slot, Object[] keyValues) {
        String v = "";
        for (int i = 0; i + 1 < keyValues.length; i += 2) if (slot.equals(String.valueOf(keyValues[i]))) v = String.valueOf(keyValues[i + 1]);
        return v;
    }

    public boolean has(String name) {
        return texts.containsKey(name);
    }

    public java.util.Set<String> names() {
        return texts.keySet();
    }
}
