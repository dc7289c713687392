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

    private Prompts(Map<String, String> texts) {
        this.texts = texts;
    }

    public static Prompts parse(String yaml) {
        JsonNode root = YamlText.tree(yaml, "prompts.yaml");
        Map<String, String> texts = new HashMap<>();
        root.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        return new Prompts(texts);
    }

    /** The prompt with its slots filled; a slot without a value is left out. */
    public String say(String name, Object... keyValues) {
        String t = texts.get(name);
        if (t == null) throw new IllegalStateException("prompts.yaml has no prompt " + name);
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) vars.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
        Matcher m = SLOT.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), "")));
        m.appendTail(sb);
        return sb.toString().strip();
    }

    public boolean has(String name) {
        return texts.containsKey(name);
    }

    public java.util.Set<String> names() {
        return texts.keySet();
    }
}
