package luohu.cli;

import luohu.Assistant;
import luohu.store.MemoryStore;
import luohu.store.SessionStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;

/** The data an assistant is built from: policies (--policies) and dialogs (--dialogs, or LUOHU_DIALOGS). */
public final class DataOptions {
    @Mixin
    PolicyOption policies;

    @Option(names = "--dialogs", paramLabel = "DIR",
            description = "Load dialog files from DIR instead of the built-in ones (default: $LUOHU_DIALOGS).")
    Path dialogs;

    public Path dialogsDir() {
        if (dialogs != null) return dialogs;
        String env = System.getenv("LUOHU_DIALOGS");
        return env == null || env.isBlank() ? null : Path.of(env);
    }

    public Assistant assistant(SessionStore store) {
        return Assistant.load(policies.dir(), dialogsDir(), store, Clock.systemDefaultZone());
    }

    public Assistant assistant() {
        return assistant(new MemoryStore());
    }
}
