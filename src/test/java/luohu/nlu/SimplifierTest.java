package luohu.nlu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hankcs.hanlp.HanLP;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimplifierTest {
    @Test
    void sameAsHanLpForEveryTableEntryAndEveryLabelledMessage() throws IOException {
        List<String> texts = new ArrayList<>();
        try (var in = com.hankcs.hanlp.corpus.io.IOUtil.newInputStream(HanLP.Config.tcDictionaryRoot + "t2s.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String key = line.split("=")[0];
                texts.add(key);
                texts.add("我在" + key + "了");
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (String set : NluQualityTest.allSets()) {
            for (String line : Files.readAllLines(luohu.TestPaths.project().resolve("src/test/resources/nlu/" + set))) {
                if (!line.isBlank()) texts.add(json.readTree(line).path("text").asText());
            }
        }
        for (String t : texts) assertEquals(HanLP.convertToSimplifiedChinese(t), Simplifier.simplified(t), t);
    }

    @Test
    void hanLpIsAskedOnlyWhenAnEntryChangesSomething() {
        assertFalse(Simplifier.changes("我在宁城县买了二手房，想把老婆孩子户口迁过来"));
        assertTrue(Simplifier.changes("想在鐵嶺落戶"));
    }
}
