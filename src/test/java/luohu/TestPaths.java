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

    public static Path dialogs() {
        return project().resolve("dialogs");
    }
}
