package luohu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import luohu.Assistant;
import luohu.dialog.Turn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs scripted conversations (YAML: name, covers, turns of say / contains / lacks / not_asked / max_chars) through
 * an assistant and measures how it answers: each turn's checks, whether the first reply answered, how many
 * questions were asked and whether any was asked twice, and how long replies are.
 */
public final class ConverseEval {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final java.util.regex.Pattern YES_NO = java.util.regex.Pattern.compile("(是的|是|不是|没有|没|有|对|不对|嗯)[，,。\\s]");

    /** One conversation of a corpus file. */
    public record Conversation(String file, String name, List<String> covers, List<JsonNode> turns) {
    }

    /** A turn that did not go as scripted. */
    public record Miss(String conversation, int turn, String said, String reply, List<String> problems) {
        @Override
        public String toString() {
            return conversation + " #" + (turn + 1) + " 「" + said + "」: " + String.join("; ", problems)
                    + "\n    reply: " + reply.replace("\n", " ⏎ ");
        }
    }

    public final List<Miss> misses = new ArrayList<>();
    public final List<Integer> lengths = new ArrayList<>();
    public int conversations;
    public int turns;
    public int answeredFirst;
    public int questions;
    public int repeated;

    /** Every conversation of every .yaml file under the folder, in file order. */
    public static List<Conversation> load(Path dir) throws IOException {
        List<Conversation> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        if (files.isEmpty()) throw new IOException("no conversation files (*.yaml) under " + dir);
        for (Path f : files) {
            JsonNode root;
            try {
                root = YAML.readTree(f.toFile());
            } catch (IOException e) {
                throw new IOException(f + ": not readable YAML: " + e.getMessage(), e);
            }
            if (root == null || !root.isArray()) throw new IOException(f + ": a list of conversations is expected");
            for (JsonNode c : root) {
                if (!c.hasNonNull("name") || !c.path("turns").isArray() || c.path("turns").isEmpty()) {
                    throw new IOException(f + ": every conversation needs a name and turns");
                }
                List<String> covers = new ArrayList<>();
                c.path("covers").forEach(x -> covers.add(x.asText()));
                List<JsonNode> ts = new ArrayList<>();
                c.path("turns").forEach(ts::add);
                out.add(new Conversation(f.getFileName().toString(), c.get("name").asText(), covers, ts));
            }
        }
        return out;
    }

    /** Runs every conversation on its own chat of the assistant. */
    public static ConverseEval run(Assistant assistant, List<Conversation> corpus) {
        ConverseEval e = new ConverseEval();
        int n = 0;
        for (Conversation c : corpus) e.add(assistant, c, "corpus-" + n++);
        return e;
    }

    private void add(Assistant assistant, Conversation c, String chat) {
        conversations++;
        String pending = null;
        for (int i = 0; i < c.turns().size(); i++) {
            JsonNode t = c.turns().get(i);
            String said = t.path("say").asText();
            Turn turn = assistant.turn(chat, said);
            String reply = turn.reply().text();
            String seen = reply + "\n" + String.join("\n", turn.reply().options());
            turns++;
            lengths.add(reply.strip().length());
            List<String> problems = new ArrayList<>();
            for (JsonNode want : t.path("contains")) {
                List<String> any = new ArrayList<>();
                if (want.isArray()) want.forEach(x -> any.add(x.asText()));
                else any.add(want.asText());
                if (any.stream().noneMatch(seen::contains)) problems.add("missing " + String.join("|", any));
            }
            for (JsonNode bad : t.path("lacks")) if (seen.contains(bad.asText())) problems.add("says " + bad.asText());
            String asked = turn.session().asked();
            boolean askedNow = asked != null && "interview".equals(turn.session().state());
            // a reply to the question pending: nothing else understood, or a bare yes or no opening it ("没有，我在…")
            boolean replied = pending != null && turn.understanding() != null
                    && (turn.understanding().intent() == luohu.nlu.Intent.INFORM && turn.understanding().facts().isEmpty()
                    || YES_NO.matcher(said).lookingAt());
            if (askedNow) {
                for (JsonNode no : t.path("not_asked")) if (no.asText().equals(asked)) problems.add("asks " + asked);
                if (!asked.equals(pending)) questions++;
                // the same question again right after the person replied to it: the reply was lost
                if (replied && asked.equals(pending)) {
                    repeated++;
                    problems.add("asks again " + asked);
                }
            }
            pending = askedNow ? asked : null;
            int max = t.path("max_chars").asInt(0);
            if (max > 0 && reply.strip().length() > max) problems.add(reply.strip().length() + " characters, at most " + max);
            if (i == 0 && problems.isEmpty()) answeredFirst++;
            if (!problems.isEmpty()) misses.add(new Miss(c.file() + " / " + c.name(), i, said, reply, problems));
        }
    }

    public String report() {
        List<Integer> sorted = lengths.stream().sorted().toList();
        int median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        int max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
        return String.format(Locale.ROOT, """
                conversations            %d (%d turns)
                turns as scripted        %d of %d (%.1f%%)
                answered in first reply  %d of %d (%.1f%%)
                questions per conversation %.2f (a question resumed after a side question counts once)
                repeated questions       %d
                reply length             median %d, max %d characters
                """, conversations, turns, turns - misses.size(), turns, pct(turns - misses.size(), turns),
                answeredFirst, conversations, pct(answeredFirst, conversations),
                conversations == 0 ? 0.0 : (double) questions / conversations, repeated, median, max);
    }

    private static double pct(int a, int b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }
}
