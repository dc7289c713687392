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
    /** The labelled sets inside the jar (copied there from src/test/resources/nlu/ by the build). */
    static final String RESOURCES = "/nlu-eval/";
    static final List<String> HELD_OUT = List.of("heldout.jsonl");
    /** The tuning part's sets, listed in tuning.sets beside them. */
    static List<String> tuningSets() throws java.io.IOException {
        try (java.io.InputStream in = NluEvalCommand.class.getResourceAsStream(RESOURCES + "tuning.sets")) {
            if (in == null) throw new java.io.FileNotFoundException("the list of labelled sets is not inside the jar");
            return sets(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The set names of a list: one a line, blank lines and # comments left out. */
    public static List<String> sets(String list) {
        return list.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Mixin
    DataOptions data;

    @Option(names = "--file", description = "Score this labelled set instead (one JSON object a line); may be given more than once.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--errors", description = "Also list every message understood wrongly.")
    boolean errors;

    @Option(names = "--detail", description = "Also print per-fact and per-intent tables.")
    boolean detail;

    /** The jar's copies of labelled sets, as files in a temporary folder (deleted at exit). */
    private static List<Path> fromJar(List<String> names) throws java.io.IOException {
        Path dir = java.nio.file.Files.createTempDirectory("luohu-nlu-eval");
        dir.toFile().deleteOnExit();
        List<Path> out = new ArrayList<>();
        for (String name : names) {
            try (java.io.InputStream in = NluEvalCommand.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) throw new java.io.FileNotFoundException("the labelled set " + name + " is not inside the jar");
                Path f = dir.resolve(name);
                java.nio.file.Files.copy(in, f);
                f.toFile().deleteOnExit();
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public Integer call() throws Exception {
        List<String> names = new ArrayList<>();
        List<List<Path>> parts = new ArrayList<>();
        if (files.isEmpty()) {
            names.add("held-out");
            parts.add(fromJar(HELD_OUT));
            names.add("tuning");
            parts.add(fromJar(tuningSets()));
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
