package luohu.dialog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import luohu.Assistant;
import luohu.TestAssistants;
import luohu.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Scripted conversations (src/test/resources/conversations/*.yaml) through the real assistant: each turn's reply,
 * action and state are checked, and together they must take every transition of dialogs/flow.yaml and reach every
 * state, so that a transition added without a conversation that reaches it fails the build.
 */
class ConversationsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<Integer> TAKEN = ConcurrentHashMap.newKeySet();
    private static final Set<String> REACHED = ConcurrentHashMap.newKeySet();
    private static final Set<String> PAIRS = ConcurrentHashMap.newKeySet();

    static List<JsonNode> conversations() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        Path dir = TestPaths.project().resolve("src/test/resources/conversations");
        try (Stream<Path> files = Files.list(dir)) {
            // corpus/ holds the conversations of converse-eval, checked by CorpusTest
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                for (JsonNode c : YAML.readTree(f.toFile())) out.add(c);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> conversationsGoAsScripted() throws IOException {
        return conversations().stream().map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> run(c)));
    }

    private static void run(JsonNode c) {
        Assistant a = TestAssistants.fresh();
        String chat = c.path("name").asText();
        int i = 0;
        for (JsonNode step : c.path("turns")) {
            i++;
            Turn t = a.turn(chat, step.path("say").asText());
            String where = c.path("name").asText() + " turn " + i + " (" + step.path("say").asText() + "): ";
            if (t.transition() != null) {
                TAKEN.add(t.transition().line());
                PAIRS.add(t.from() + "/" + t.understanding().intent().id());
                assertTrue(t.transition().to().contains(t.session().state()),
                        where + "action " + t.action() + " ended in " + t.session().state() + ", not in flow.yaml's " + t.transition().to());
            }
            REACHED.add(t.session().state());
            String reply = t.reply().text() + "\n" + String.join("\n", t.reply().options());
            if (step.has("intent")) assertEquals(step.get("intent").asText(), t.understanding().intent().id(), where + "intent");
            if (step.has("action")) assertEquals(step.get("action").asText(), t.action(), where + "action");
            if (step.has("state")) assertEquals(step.get("state").asText(), t.session().state(), where + "state\n" + reply);
            if (step.has("asked")) assertEquals(step.get("asked").asText(), String.valueOf(t.session().asked()), where + "asked\n" + reply);
            for (JsonNode w : step.path("contains")) {
                if (!reply.contains(w.asText())) fail(where + "reply lacks \"" + w.asText() + "\":\n" + reply);
            }
            for (JsonNode w : step.path("lacks")) {
                if (reply.contains(w.asText())) fail(where + "reply must not contain \"" + w.asText() + "\":\n" + reply);
            }
            step.path("facts").fields().forEachRemaining(e -> assertEquals(e.getValue().asText(),
                    String.valueOf(t.session().facts().get(e.getKey()).orElse(null)), where + "fact " + e.getKey()));
            if (step.has("place")) assertEquals(step.get("place").asText(), String.valueOf(t.session().place()), where + "place");
        }
    }

    @AfterAll
    static void everyTransitionAndStateIsReached() {
        Flow flow = TestAssistants.fresh().machine().flow();
        List<String> missing = new ArrayList<>();
        Set<Integer> lines = new TreeSet<>();
        for (Flow.Transition t : flow.transitions()) lines.add(t.line());
        for (int line : lines) {
            if (!TAKEN.contains(line)) {
                Flow.Transition t = flow.transitions().stream().filter(x -> x.line() == line).findFirst().orElseThrow();
                missing.add("flow.yaml transitions[" + line + "] (on " + t.on().id() + ", do " + t.action() + ") is taken by no conversation");
            }
        }
        for (String s : flow.states()) if (!REACHED.contains(s)) missing.add("state " + s + " is reached by no conversation");
        assertEquals(List.of(), missing);
    }

    @Test
    void conversationsExist() throws IOException {
        assertTrue(conversations().size() >= 10);
    }
}
