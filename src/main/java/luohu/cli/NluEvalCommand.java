package luohu.cli;

import luohu.nlu.NluEvaluation;
import luohu.nlu.Understander;
import luohu.Assistant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Precision and recall of the understanding of messages over the labelled sets: the held-out part (never used to
 * tune the lexicon) and the tuning part, each scored on its own.
 */
@Command(name = "nlu-eval", mixinStandardHelpOptions = true,
        description = "Print facts precision and recall, intent, ask and applicant accuracy, places and polarity flips "
                + "over the labelled message sets: the held-out part and the tuning part.")
public final class NluEvalCommand implements Callable<Integer> {
    static final String DIR = "src/test/resources/nlu/";
    static final List<Path> HELD_OUT = List.of(Path.of(DIR + "heldout.jsonl"));
    static final List<Path> TUNING = List.of(Path.of(DIR + "tuning.jsonl"), Path.of(DIR + "messages.jsonl"));

    @Mixin
    DataOptions data;

    @Option(names = "--file", description = "Score this labelled set instead (one JSON object a line); may be given more than once.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--errors", description = "Also list every message understood wrongly.")
    boolean errors;

    @Option(names = "--detail", description = "Also print per-fact and per-intent tables.")
    boolean detail;

    @Override
    public Integer call() throws Exception {
        List<String> names = new ArrayList<>();
        List<List<Path>> parts = new ArrayList<>();
        if (files.isEmpty()) {
            names.add("held-out");
            parts.add(HELD_OUT);
            names.add("tuning");
            parts.add(TUNING);
        } else {
            for (Path f : files) {
                names.add(f.toString());
                parts.add(List.of(f));
            }
        }
        try (Assistant a = data.assistant(new luohu.store.MemoryStore())) {
            Understander u = a.machine().understander();
            List<NluEvaluation> results = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                try {
                    results.add(NluEvaluation.of(u, names.get(i), parts.get(i)));
                } catch (NluEvaluation.BadSet e) {
                    System.err.println("luohu: nlu-eval: " + e.getMessage());
                    return 2;
                }
            }
            for (NluEvaluation e : results) {
                System.out.print(e.summary());
                if (detail) System.out.println(e.report());
                if (errors) e.errors.forEach(x -> System.out.println("  " + x));
                else System.out.println("  " + e.errors.size() + " messages with a mistake (--errors lists them)");
                System.out.println();
            }
        }
        return 0;
    }
}
