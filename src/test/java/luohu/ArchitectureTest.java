package luohu;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The packages depend one way: policy ← nlu ← answer ← dialog ← store, channels, the command line. A source file
 * that names a package it may not (in an import or written out in full) fails the build.
 */
class ArchitectureTest {
    /** For each package, the project packages it must not use. */
    private static final Map<String, Set<String>> FORBIDDEN = Map.of(
            "common", Set.of("policy", "nlu", "answer", "dialog", "store", "channel", "cli", "bench"),
            "policy", Set.of("nlu", "answer", "dialog", "store", "channel", "cli", "bench"),
            "nlu", Set.of("answer", "dialog", "store", "channel", "cli", "bench"),
            "answer", Set.of("dialog", "store", "channel", "cli", "bench"),
            "dialog", Set.of("store", "channel", "cli", "bench"),
            "store", Set.of("channel", "cli", "bench"));
    private static final Pattern USE = Pattern.compile("\\bluohu\\.(\\w+)\\.");

    @Test
    void packagesDependOneWay() throws IOException {
        Path root = TestPaths.project().resolve("src/main/java/luohu");
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(f);
                if (rel.getNameCount() < 2) continue; // Main, Assistant: the top assembles everything
                String pkg = rel.getName(0).toString();
                Set<String> forbidden = FORBIDDEN.getOrDefault(pkg, Set.of());
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    if (forbidden.contains(m.group(1))) wrong.add(rel + " uses luohu." + m.group(1));
                }
            }
        }
        assertEquals(List.of(), wrong.stream().distinct().toList());
    }
}
