package luohu.cli;

import luohu.nlu.NluEvaluation;
import luohu.nlu.Understander;
import luohu.Assistant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Precision and recall of the understanding of messages over a labelled set. */
@Command(name = "nlu-eval", mixinStandardHelpOptions = true,
        description = "Print per-fact and per-intent precision and recall over a labelled message set.")
public final class NluEvalCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--file", defaultValue = "src/test/resources/nlu/messages.jsonl",
            description = "The labelled messages, one JSON object a line (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--errors", description = "Also list every message understood wrongly.")
    boolean errors;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("luohu: no labelled set at " + file + "; give one with --file");
            return 2;
        }
        try (Assistant a = data.assistant(new luohu.store.MemoryStore())) {
            Understander u = a.machine().understander();
            NluEvaluation e = NluEvaluation.run(u, Files.readAllLines(file, StandardCharsets.UTF_8));
            System.out.print(e.report());
            if (errors) e.errors.forEach(System.out::println);
            else System.out.println(e.errors.size() + " messages with a mistake (--errors lists them)");
        }
        return 0;
    }
}
