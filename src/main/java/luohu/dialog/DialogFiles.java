package luohu.dialog;

import luohu.answer.Prompts;
import luohu.nlu.Questions;
import luohu.common.DataFiles;
import luohu.nlu.Lexicon;
import luohu.policy.FactVocabulary;

import java.nio.file.Path;
import java.util.Map;

/** The files of dialogs/, read from a folder or from the jar's copy, parsed and checked against the vocabulary. */
public record DialogFiles(Lexicon lexicon, Questions questions, Flow flow, Prompts prompts, ResponseRules responses) {

    public static DialogFiles load(Path dir, FactVocabulary vocabulary) {
        return load(dir, () -> vocabulary);
    }

    /** As {@link #load(Path, FactVocabulary)}, with the vocabulary taken only once the lexicon is read (it may be loading meanwhile). */
    public static DialogFiles load(Path dir, java.util.function.Supplier<FactVocabulary> vocabulary) {
        Map<String, String> files = DataFiles.yamlFiles("dialogs", dir);
        for (String f : new String[]{"lexicon.yaml", "questions.yaml", "flow.yaml", "prompts.yaml", "responses.yaml"}) {
            if (!files.containsKey(f)) throw new IllegalArgumentException("dialogs/" + f + " is missing");
        }
        Lexicon lexicon = Lexicon.parse(files.get("lexicon.yaml"));
        return new DialogFiles(lexicon, Questions.parse(files.get("questions.yaml"), vocabulary.get()),
                Flow.parse(files.get("flow.yaml")), Prompts.parse(files.get("prompts.yaml")),
                ResponseRules.parse(files.get("responses.yaml")));
    }
}
