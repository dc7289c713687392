package luohu.cli;

import luohu.policy.PolicyAudit;
import luohu.policy.PolicyCases;
import luohu.policy.PolicyEngine;
import luohu.policy.PolicyException;
import luohu.policy.PolicyLoader;
import luohu.policy.PolicyModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import luohu.common.DataFiles;
import java.util.concurrent.Callable;

/** Validates a policies folder and runs its YAML test cases: what to run after adding or amending a place. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the policy files in DIR and run the test cases in DIR/tests; without --policies, the "
                + "policy files and test cases the jar carries.")
public final class CheckCommand implements Callable<Integer> {
    @Option(names = "--dialogs", paramLabel = "DIR",
            description = "The dialogs folder to check against the policies (default: the dialogs inside the jar).")
    Path dialogs;

    @Option(names = "--policies", paramLabel = "DIR",
            description = "The policies folder to check (default: the policies inside the jar, whatever the current directory).")
    Path dir;

    @Override
    public Integer call() {
        // Each document alone first, so that one broken file does not hide the state of the others.
        Map<String, String> files = DataFiles.yamlFiles("policies", dir);
        Map<String, String> usable = new TreeMap<>();
        int bad = 0;
        for (String shared : List.of("facts.yaml", "topics.yaml")) if (files.containsKey(shared)) usable.put(shared, files.get(shared));
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (usable.containsKey(e.getKey())) continue;
            Map<String, String> one = new TreeMap<>();
            for (String shared : List.of("facts.yaml", "topics.yaml")) if (files.containsKey(shared)) one.put(shared, files.get(shared));
            one.put(e.getKey(), e.getValue());
            try {
                PolicyLoader.load(one);
                usable.put(e.getKey(), e.getValue());
            } catch (PolicyException ex) {
                System.out.println("INVALID " + ex.getMessage());
                bad++;
            }
        }
        PolicyModel model;
        try {
            model = PolicyLoader.load(usable);
        } catch (PolicyException e) {
            System.out.println("INVALID " + e.getMessage());
            return 1;
        }
        // dialogs/: every file parses, and the lexicon and questions name only facts and values of the vocabulary
        try {
            luohu.dialog.DialogFiles d = luohu.dialog.DialogFiles.load(dialogs, model.vocabulary());
            new luohu.nlu.Understander(model, d.lexicon(), d.questions(), java.time.Clock.systemDefaultZone());
        } catch (RuntimeException e) {
            System.out.println("INVALID dialogs/" + e.getMessage());
            bad++;
        }
        for (String p : PolicyAudit.audit(model)) {
            System.out.println("AUDIT " + p);
            bad++;
        }
        int cases = 0;
        List<PolicyCases.Case> all = testCases();
        if (!all.isEmpty()) {
            PolicyEngine engine = new PolicyEngine(model);
            for (PolicyCases.Case c : all) {
                if (model.document(c.documentId()).isEmpty()) continue;
                cases++;
                List<String> problems = PolicyCases.run(c, engine);
                for (String p : problems) System.out.println("FAIL " + c + ": " + p);
                if (!problems.isEmpty()) bad++;
            }
        }
        System.out.printf("%d documents, %d test cases, %d problems%n", model.documents().size(), cases, bad);
        return bad == 0 ? 0 : 1;
    }

    /** DIR/tests when a folder is given (none when it has no tests/), else the cases the jar carries. */
    private List<PolicyCases.Case> testCases() {
        if (dir != null) {
            Path tests = dir.resolve("tests");
            return Files.isDirectory(tests) ? PolicyCases.read(tests) : List.of();
        }
        try {
            return PolicyCases.read(DataFiles.yamlFiles("policies/tests", null));
        } catch (IllegalStateException e) {
            return List.of(); // a jar built without its test cases
        }
    }
}
