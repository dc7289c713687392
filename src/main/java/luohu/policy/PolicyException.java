package luohu.policy;

/** A policy file that cannot be used. The message is one line naming the file, the path inside it and the fault. */
public final class PolicyException extends RuntimeException {
    public PolicyException(String file, String path, String problem) {
        super(file + (path.isEmpty() ? "" : ": " + path) + ": " + problem.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
