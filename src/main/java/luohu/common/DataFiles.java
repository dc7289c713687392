package luohu.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the YAML files of a data folder (policies/, dialogs/): from a directory on disk when one is given, else from
 * the copy the jar carries. Only the folder's own files are read, not its subfolders (policies/tests/ stays out).
 */
public final class DataFiles {
    private DataFiles() {
    }

    /**
     * @param folder   the folder name inside the jar ("policies")
     * @param override a directory on disk to read instead, or null
     * @return file name to content, sorted by name
     */
    public static Map<String, String> yamlFiles(String folder, Path override) {
        try {
            if (override != null) {
                if (!Files.isDirectory(override)) {
                    throw new IllegalArgumentException(override + ": not a directory");
                }
                return read(override);
            }
            URL marker = DataFiles.class.getClassLoader().getResource(folder);
            if (marker == null) throw new IllegalStateException("the jar carries no " + folder + "/ folder");
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                // read through the JDK's cached jar file: opening a zip file system on the jar takes tens of ms
                return read(((java.net.JarURLConnection) marker.openConnection()).getJarFile(), folder + "/");
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(java.util.jar.JarFile jar, String prefix) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (java.util.jar.JarEntry e : dataEntries(jar).getOrDefault(prefix, List.of())) {
            try (var in = jar.getInputStream(e)) {
                out.put(e.getName().substring(prefix.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The jar's YAML files by the folder they are directly in ("policies/", "policies/tests/"), listed once a jar. */
    private static Map<String, List<java.util.jar.JarEntry>> jarData;
    private static String jarDataOf;

    private static synchronized Map<String, List<java.util.jar.JarEntry>> dataEntries(java.util.jar.JarFile jar) {
        if (jarData == null || !jar.getName().equals(jarDataOf)) {
            Map<String, List<java.util.jar.JarEntry>> found = new java.util.HashMap<>();
            for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                java.util.jar.JarEntry e = entries.nextElement();
                String name = e.getName();
                int slash = name.lastIndexOf('/');
                if (slash <= 0 || !name.endsWith(".yaml") || e.isDirectory()) continue;
                found.computeIfAbsent(name.substring(0, slash + 1), k -> new java.util.ArrayList<>()).add(e);
            }
            jarData = found;
            jarDataOf = jar.getName();
        }
        return jarData;
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".yaml") && Files.isRegularFile(p)) {
                    out.put(name, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
