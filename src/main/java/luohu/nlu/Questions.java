package luohu.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import luohu.common.YamlText;
import luohu.policy.Fact;
import luohu.policy.FactVocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** dialogs/questions.yaml: for each fact, the question and its quick-reply options. */
public final class Questions {
    /** A quick reply, the fact value it stands for, and words that pick it in a short typed answer. */
    public record Option(String label, Object value, List<String> words) {
    }

    /** The question for one fact. */
    /**
     * @param ofSpeaker the question when the applicant is a relative who would join the person typing, so that the
     *                  relative asked about is that person ("您的户口是登记在农村吗"); {applicant} names the applicant; null
     *                  when the question reads the same
     */
    public record Question(String fact, String ask, List<Option> options, String ofSpeaker) {
    }

    private final Map<String, Question> byFact;

    private Questions(Map<String, Question> byFact) {
        this.byFact = byFact;
    }

    /** Parses and checks the file against the vocabulary: every fact and every option value must be declared. */
    public static Questions parse(String yaml, FactVocabulary vocabulary) {
        JsonNode root = YamlText.tree(yaml, "questions.yaml");
        Map<String, Question> out = new LinkedHashMap<>();
        root.path("questions").fields().forEachRemaining(e -> {
            String where = "questions.yaml: questions." + e.getKey();
            Fact fact = vocabulary.find(e.getKey()).orElseThrow(() -> new IllegalArgumentException(where + ": no such fact in facts.yaml"));
            String ask = e.getValue().path("ask").asText("");
            if (ask.isBlank()) throw new IllegalArgumentException(where + ".ask: is missing");
            List<Option> options = new ArrayList<>();
            for (JsonNode o : e.getValue().path("options")) {
                Object raw = o.get("value").isBoolean() ? o.get("value").booleanValue()
                        : o.get("value").isNumber() ? o.get("value").numberValue() : o.get("value").asText();
                List<String> words = new ArrayList<>();
                o.path("words").forEach(w -> words.add(w.asText()));
                try {
                    options.add(new Option(o.path("label").asText(), fact.normalise(raw), List.copyOf(words)));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(where + ".options: " + ex.getMessage());
                }
            }
            String ofSpeaker = e.getValue().hasNonNull("of_speaker") ? e.getValue().get("of_speaker").asText() : null;
            out.put(e.getKey(), new Question(e.getKey(), ask, List.copyOf(options), ofSpeaker));
        });
        return new Questions(out);
    }

    public Question get(String fact) {
        return byFact.get(fact);
    }

    public boolean has(String fact) {
        return byFact.containsKey(fact);
    }

    /** Facts in the file's order, which breaks ties between equally useful questions. */
    public List<String> order() {
        return List.copyOf(byFact.keySet());
    }

    /** The label of the option that stands for {@code value}, or null when no option does. */
    public String optionLabel(String fact, Object value) {
        Question q = byFact.get(fact);
        if (q == null) return null;
        for (Option o : q.options()) if (o.value().equals(value)) return o.label();
        return null;
    }

    /** The value of the option whose label is exactly {@code text}, or null. */
    public Object optionValue(String fact, String text) {
        Question q = byFact.get(fact);
        if (q == null) return null;
        for (Option o : q.options()) {
            if (Normalizer.bare(o.label()).equals(text)) return o.value();
        }
        // a short answer naming one option's words, and no other option's ("在县城" but not "城里还是村里")
        Option picked = null;
        for (Option o : q.options()) {
            if (Texts.containsAny(text, o.words())) {
                if (picked != null) return null;
                picked = o;
            }
        }
        return picked == null || text.length() > 12 ? null : picked.value();
    }
}
