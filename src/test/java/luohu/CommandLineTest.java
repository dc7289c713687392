package luohu;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as an operator uses it: real files, real output, exit codes. */
class CommandLineTest {
    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static String policies() {
        return TestPaths.policies().toString();
    }

    @Test
    void assessPrintsEveryPathwayWithCitations() {
        CommandRun r = run("assess", "--policies", policies(), "--place", "宁城县",
                "--facts", "{\"housing\": \"rent\", \"lease_registered\": true, \"lease_months\": 8}");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("赤政发〔2016〕50号"), r.out());
        assertTrue(r.out().contains("还差4个月"), r.out());
    }

    /** Where the text allows two readings the citizen is told so, with the outcome, in unbroken Chinese. */
    @Test
    void assessTellsTheReadingAPathwayTurnsOn() {
        CommandRun r = run("assess", "--policies", policies(), "--place", "二连浩特",
                "--facts", "{\"education\": \"technical_school\", \"skill_certificate\": false}");
        assertEquals(0, r.code(), r.err());
        String talent = r.out().substring(r.out().indexOf("■ 人才引进立户"));
        talent = talent.substring(0, talent.indexOf("■", 1));
        assertTrue(talent.contains("提示：文件此处可有两种理解：技校、职高的毕业证可能算作“大中专毕业证”"), talent);
        assertTrue(talent.contains("以当地公安机关解释为准"), talent);
        assertTrue(!talent.contains("还需要知道"), "no fact of the applicant's decides it: " + talent);
        assertTrue(!talent.matches("(?s).*\\p{IsHan} \\p{IsHan}.*"), "no space inside Chinese: " + talent);
    }

    @Test
    void assessRefusesNumbersOutOfBoundsInsteadOfWrappingThem() {
        for (String facts : new String[]{"{\"housing\": \"rent\", \"lease_registered\": true, \"lease_months\": 2147483648}",
                "{\"lease_months\": 1201}", "{\"age\": 151}", "{\"age\": 1e400}"}) {
            CommandRun r = run("assess", "--policies", policies(), "--place", "宁城县", "--facts", facts);
            assertEquals(2, r.code(), facts + ": " + r.out());
            assertTrue(r.err().contains("takes a number from 0 to"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertEquals(0, run("assess", "--policies", policies(), "--place", "宁城县", "--facts", "{\"lease_months\": 1200}").code());
    }

    @Test
    void reloadOnTheConsoleAnswersInChinese() {
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("/reload\n退出\n".getBytes(StandardCharsets.UTF_8)));
            CommandRun r = run("chat", "--memory", "--policies", policies());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("已重新载入政策文件"), r.out());
        } finally {
            System.setIn(in);
        }
    }

    /** check and nlu-eval need nothing but the jar: run from an empty directory, they use what is inside it. */
    @Test
    void checkAndNluEvalRunFromAnyDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String command : new String[]{"check", "nlu-eval"}) {
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "luohu.Main", command)
                    .directory(empty.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), command + ":\n" + out);
            if (command.equals("nlu-eval")) assertTrue(out.contains("held-out") && out.contains("tuning"), out);
        }
    }

    @Test
    void assessAsJson() throws Exception {
        CommandRun r = run("assess", "--policies", policies(), "--place", "聊城", "--json", "--facts", "{\"housing\": \"own\", \"home_in_rural_area\": false}");
        assertEquals(0, r.code(), r.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals("2022-08-01", json.path("document").path("effective").asText());
        boolean eligible = false;
        for (var p : json.path("pathways")) eligible |= p.path("id").asText().equals("lc-property") && p.path("status").asText().equals("eligible");
        assertTrue(eligible, r.out());
    }

    @Test
    void unknownPlaceFactOrValueIsAClearError() {
        CommandRun place = run("assess", "--policies", policies(), "--place", "北京");
        assertEquals(2, place.code());
        assertTrue(place.err().contains("unknown place \"北京\"") && place.err().contains("赤峰市"), place.err());
        CommandRun fact = run("assess", "--policies", policies(), "--place", "赤峰", "--facts", "{\"house\": \"own\"}");
        assertEquals(2, fact.code());
        assertTrue(fact.err().contains("unknown fact \"house\"; known facts: housing"), fact.err());
        CommandRun value = run("assess", "--policies", policies(), "--place", "赤峰", "--facts", "{\"housing\": \"castle\"}");
        assertEquals(2, value.code());
        assertTrue(value.err().contains("housing takes one of own, rent"), value.err());
        CommandRun json = run("assess", "--policies", policies(), "--place", "赤峰", "--facts", "{housing");
        assertEquals(2, json.code());
        assertTrue(json.err().contains("--facts is not a JSON object"), json.err());
    }

    @Test
    void checkValidatesAFolderAndRunsItsCases() {
        CommandRun r = run("check", "--policies", policies());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains(TestPaths.documentIds().size() + " documents"), r.out());
        assertTrue(r.out().matches("(?s).*documents, [1-9][0-9]* test cases, 0 problems.*"), r.out());
    }

    /** Without --policies, check takes the policy files and test cases the jar (here: the class path) carries. */
    @Test
    void checkWithoutAFolderChecksTheBuiltInPolicies() {
        CommandRun r = run("check");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().matches("(?s).*" + TestPaths.documentIds().size() + " documents, [1-9][0-9]* test cases, 0 problems.*"), r.out());
    }
}
