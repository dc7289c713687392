package luohu.cli;

import luohu.Assistant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** How the assistant answers a corpus of scripted conversations. */
@Command(name = "converse-eval", mixinStandardHelpOptions = true,
        description = "Replay scripted conversations and print how many were answered in the first reply, questions per "
                + "conversation, repeated questions and reply lengths.")
public final class ConverseEvalCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--corpus", defaultValue = "src/test/resources/conversations/corpus",
            description = "Folder of conversation files (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--errors", description = "Also list every turn that did not go as scripted.")
    boolean errors;

    @Override
    public Integer call() {
        List<ConverseEval.Conversation> conversations;
        try {
            conversations = ConverseEval.load(corpus);
        } catch (IOException e) {
            System.err.println("luohu: " + e.getMessage());
            return 2;
        }
        try (Assistant a = data.assistant(new luohu.store.MemoryStore())) {
            ConverseEval e = ConverseEval.run(a, conversations);
            System.out.print(e.report());
            if (errors) e.misses.forEach(System.out::println);
            else System.out.println(e.misses.size() + " turns not as scripted (--errors lists them)");
            return e.misses.isEmpty() ? 0 : 1;
        }
    }
}
