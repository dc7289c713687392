package luohu;

import java.nio.file.Path;

/** Where the project's own folders are, for tests that read real files. */
public final class TestPaths {
    private TestPaths() {
    }

    public static Path project() {
        return Path.of(System.getProperty("luohu.project.dir", System.getProperty("user.dir")));
    }

    public static Path policies() {
        return project().resolve("policies");
    }

    /** The ids of the documents in policies/: every YAML file there but facts.yaml and topics.yaml, sorted. */
    public static java.util.List<String> documentIds() {
        try (var files = java.nio.file.Files.list(policies())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .filter(n -> !n.equals("facts.yaml") && !n.equals("topics.yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Path dialogs() {
        return project().resolve("dialogs");
    }
}
