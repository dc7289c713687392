package luohu;

import luohu.policy.Assessment;
import luohu.policy.Facts;
import luohu.policy.Place;
import luohu.policy.PolicyCases;
import luohu.policy.PolicyEngine;
import luohu.policy.PolicyLoader;
import luohu.policy.PolicyModel;
import luohu.policy.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sixth place is a YAML file and its test cases, no Java: a copy of the 铁岭 document under a new id and place
 * name, put beside the real policy files in a temporary folder, loads, passes {@code check} and is assessed.
 */
class SixthPlaceTest {
    private static final String PLACES = """
            places:
              - name: 样例市
                aliases: [样例]
                kind: city
                groups: []
              - name: 样例县
                kind: county
                groups: []

            """;

    @Test
    void aCopiedDocumentUnderANewIdLoadsChecksAndAssesses(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("tests"));
        try (var files = Files.list(TestPaths.policies())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        try (var files = Files.list(TestPaths.policies().resolve("tests"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) Files.copy(p, dir.resolve("tests").resolve(p.getFileName()));
        }
        String doc = Files.readString(TestPaths.policies().resolve("tieling.yaml"), StandardCharsets.UTF_8);
        int from = doc.indexOf("\nplaces:\n"), to = doc.indexOf("\nclauses:\n");
        assertTrue(from > 0 && to > from, "tieling.yaml has places then clauses");
        String sixth = (doc.substring(0, from + 1) + PLACES + doc.substring(to + 1))
                .replace("id: tieling", "id: yangli").replace("short: 铁岭", "short: 样例").replace("tl-", "yl-");
        Files.writeString(dir.resolve("yangli.yaml"), sixth, StandardCharsets.UTF_8);
        String cases = Files.readString(TestPaths.policies().resolve("tests/tieling.yaml"), StandardCharsets.UTF_8)
                .replace("document: tieling", "document: yangli").replace("tl-", "yl-")
                .replaceAll("place: \\S+", "place: 样例县");
        Files.writeString(dir.resolve("tests/yangli.yaml"), cases, StandardCharsets.UTF_8);

        PolicyModel model = PolicyLoader.load(dir);
        assertEquals(TestPaths.documentIds().size() + 1, model.documents().size());
        Place place = model.place("样例").orElseThrow();
        assertEquals("yangli", place.documentId());

        List<PolicyCases.Case> sixthCases = PolicyCases.read(dir.resolve("tests")).stream()
                .filter(c -> c.documentId().equals("yangli")).toList();
        assertTrue(sixthCases.size() > 5, "the copied cases are read");
        PolicyEngine engine = new PolicyEngine(model);
        for (PolicyCases.Case c : sixthCases) assertEquals(List.of(), PolicyCases.run(c, engine), c.toString());

        Assessment a = engine.assess(place, model.vocabulary().parse(Map.of("housing", "own", "home_acquisition", "purchase",
                "home_in_rural_area", false)));
        assertEquals(Status.ELIGIBLE, a.outcome("yl-purchase").status());
        assertEquals(Status.UNDETERMINED, engine.assess(place, Facts.EMPTY).outcome("yl-purchase").status());

        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.run(new String[]{"check", "--policies", dir.toString()});
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.contains((TestPaths.documentIds().size() + 1) + " documents"), printed);
        assertTrue(printed.endsWith("0 problems" + System.lineSeparator()), printed);
    }
}
