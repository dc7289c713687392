package luohu.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class-data archive that the build writes beside the jar (luohu.jsa), with which a new process maps the classes
 * of a conversation instead of reading and verifying them: the options that start a JVM with it, or why there are none.
 */
record ClassDataArchive(Path file, String missing) {
    static final String FILE_NAME = "luohu.jsa";

    /** The archive beside the jar of this class path, if there is one and this JVM can map it for that jar. */
    static ClassDataArchive of(String jvm, String classPath) throws InterruptedException {
        Path jar = Path.of(classPath);
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return new ClassDataArchive(null, "not run from a jar");
        }
        Path file = jar.toAbsolutePath().resolveSibling(FILE_NAME);
        if (!Files.isRegularFile(file)) return new ClassDataArchive(null, "no " + FILE_NAME + " beside the jar");
        // -Xshare:on makes a JVM that cannot map the archive (made for another jar or JVM) fail instead of running without
        List<String> probe = new ArrayList<>(List.of(jvm, "-Xshare:on", "-XX:SharedArchiveFile=" + file, "-cp", classPath,
                "luohu.Main", "--version"));
        try {
            Process p = new ProcessBuilder(probe).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new ClassDataArchive(null, FILE_NAME + " could not be tried");
            }
            if (p.exitValue() != 0) return new ClassDataArchive(null, FILE_NAME + " does not fit this jar or JVM");
        } catch (IOException e) {
            return new ClassDataArchive(null, FILE_NAME + " could not be tried: " + e.getMessage());
        }
        return new ClassDataArchive(file, null);
    }

    /** The JVM options that use the archive (none without one); the JVM's own notes on it stay off standard output. */
    List<String> jvmOptions() {
        return file == null ? List.of() : List.of("-XX:SharedArchiveFile=" + file, "-Xlog:cds=off,cds+dynamic=off");
    }

    /** How the first answer was measured, for the report. */
    String describe() {
        return file == null ? "without a class-data archive: " + missing : "with the class-data archive " + file.getFileName();
    }
}
