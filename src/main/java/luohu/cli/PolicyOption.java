package luohu.cli;

import luohu.policy.PolicyLoader;
import luohu.policy.PolicyModel;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --policies DIR} (or LUOHU_POLICIES): load the policy model from a folder instead of the jar's copy. */
public final class PolicyOption {
    @Option(names = "--policies", paramLabel = "DIR",
            description = "Load policy files from DIR instead of the built-in ones (default: $LUOHU_POLICIES).")
    Path dir;

    /** The folder given, if any: the option first, then the environment. */
    public Path dir() {
        return orEnv(dir, "LUOHU_POLICIES");
    }

    /** The option's value if given, else the environment variable's, else null. */
    static Path orEnv(Path given, String variable) {
        if (given != null) return given;
        String env = System.getenv(variable);
        return env == null || env.isBlank() ? null : Path.of(env.strip());
    }

    public PolicyModel load() {
        return PolicyLoader.load(dir());
    }
}
