package luohu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The benchmark's scripts (bench/workload.yaml): conversations and frequent general questions. */
record Workload(List<List<String>> conversations, List<String> generals) {

    static Workload load() {
        try (InputStream in = Workload.class.getClassLoader().getResourceAsStream("bench/workload.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<List<String>> conversations = new ArrayList<>();
            for (JsonNode c : root.path("conversations")) {
                List<String> turns = new ArrayList<>();
                c.forEach(t -> turns.add(t.asText()));
                conversations.add(turns);
            }
            List<String> generals = new ArrayList<>();
            root.path("generals").forEach(g -> generals.add(g.asText()));
            return new Workload(conversations, generals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one simulated chat says: a conversation, or (one chat in four) two or three general questions. */
    List<String> script(Random random) {
        if (random.nextInt(4) == 0) {
            List<String> qs = new ArrayList<>();
            int n = 2 + random.nextInt(2);
            for (int i = 0; i < n; i++) qs.add(generals.get(random.nextInt(generals.size())));
            return qs;
        }
        return conversations.get(random.nextInt(conversations.size()));
    }

    boolean isGeneral(String text) {
        return generals.contains(text);
    }
}
