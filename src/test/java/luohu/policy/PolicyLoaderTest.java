package luohu.policy;

import luohu.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken policy file stops loading with one line naming the file, the path inside it and the fault. */
class PolicyLoaderTest {

    static Map<String, String> realFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (var s = Files.list(TestPaths.policies())) {
            for (Path p : s.toList()) {
                if (p.toString().endsWith(".yaml")) files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static String fault(String file, String from, String to) throws IOException {
        Map<String, String> files = realFiles();
        String text = files.get(file);
        assertTrue(text.contains(from), "test set-up: " + from + " not in " + file);
        files.put(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.load(files));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void theRealModelLoads() throws IOException {
        PolicyModel m = PolicyLoader.load(realFiles());
        assertEquals(TestPaths.documentIds().size(), m.documents().size());
        assertEquals(12, m.version().length());
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws IOException {
        String msg = fault("tieling.yaml", "pathways:", "pathways: [unclosed");
        assertTrue(msg.startsWith("tieling.yaml: line "), msg);
    }

    @Test
    void citationOfAMissingClauseIsNamed() throws IOException {
        String msg = fault("liaocheng.yaml", "clause: lc-3-1-1", "clause: lc-9-9-9");
        assertTrue(msg.startsWith("liaocheng.yaml: pathways["), msg);
        assertTrue(msg.contains("cites clause lc-9-9-9, which the document does not have"), msg);
    }

    @Test
    void conditionOnAnUndeclaredFactIsNamed() throws IOException {
        String msg = fault("chifeng.yaml", "fact: housing", "fact: housingg");
        assertTrue(msg.contains("chifeng.yaml: pathways[") && msg.contains(".fact: undeclared fact housingg"), msg);
    }

    @Test
    void aBadValueIsNamedWithWhatIsAccepted() throws IOException {
        String msg = fault("xinjiang.yaml", "is: own", "is: castle");
        assertTrue(msg.contains("housing takes one of own, rent"), msg);
    }

    @Test
    void aMisspeltKeyIsNotIgnored() throws IOException {
        String msg = fault("erlianhaote.yaml", "materials:", "materialz:");
        assertTrue(msg.contains("materialz: unknown key"), msg);
    }

    @Test
    void aReadingOfWhoComesAlongMustBeOneTold() throws IOException {
        String msg = fault("chifeng.yaml", "tell: true\n        of: family", "tell: false\n        of: family");
        assertTrue(msg.contains("of: family, on a reading told, is the only kind"), msg);
        msg = fault("chifeng.yaml", "of: family", "of: everyone");
        assertTrue(msg.contains("of: family, on a reading told, is the only kind"), msg);
    }

    @Test
    void aPathwayWithoutMaterialsOrSilenceIsRejected() throws IOException {
        Map<String, String> files = realFiles();
        String t = files.get("tieling.yaml");
        files.put("tieling.yaml", t.replace("materials_silent: true", "materials_silent: false"));
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.load(files));
        assertTrue(e.getMessage().contains("has no materials"), e.getMessage());
    }
}
