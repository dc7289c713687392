package luohu.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import luohu.Assistant;
import luohu.dialog.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** The conversation on the console, or as JSON lines for tests and tools. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Talk to the assistant on the console; --jsonl reads {\"chat\",\"text\"} lines and writes one reply line each.")
public final class ChatCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    DataOptions data;

    @Option(names = "--jsonl", description = "Read one JSON object per line from stdin, write one JSON reply per line.")
    boolean jsonl;

    @Option(names = "--lanes", paramLabel = "N",
            description = "With --jsonl: how many chats' turns run at once (1 to 256; default: the number of cores).")
    Integer lanes;

    @Override
    public Integer call() throws Exception {
        if (lanes != null && (lanes < 1 || lanes > 256)) {
            System.err.println("luohu: chat: --lanes must be from 1 to 256, not " + lanes);
            return 2;
        }
        // JSON lines are flushed by their writer when it has caught up, not line by line
        PrintStream out = jsonl
                ? new PrintStream(new java.io.BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8)
                : new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Assistant assistant = data.assistant()) {
            if (jsonl) jsonLines(assistant, in, out, lanes != null ? lanes : Runtime.getRuntime().availableProcessors());
            else console(assistant, in, out, this::reload);
        }
        return 0;
    }

    /** The longest input line read, in characters; the rest of a longer line is skipped and it gets an error. */
    static final int MAX_LINE = JsonLines.MAX_LINE;

    /**
     * One output line per input line, in order, whatever the line holds: a blank, unreadable or over-long line gets
     * {"error": ...}. Chats are not throttled here: this is the contract for tools replaying scripted conversations.
     * Different chats' turns run side by side on {@code lanes} threads; each chat's run in the order given.
     */
    static void jsonLines(Assistant assistant, java.io.Reader in, PrintStream out, int lanes) throws java.io.IOException {
        assistant.unthrottled();
        JsonLines.run(in, out, lanes, line -> jsonLine(assistant, line));
    }

    static void jsonLines(Assistant assistant, java.io.Reader in, PrintStream out) throws java.io.IOException {
        jsonLines(assistant, in, out, Runtime.getRuntime().availableProcessors());
    }

    /** One input line (null when over-long) to its turn, or to its error when it cannot be one. */
    static JsonLines.Line jsonLine(Assistant assistant, String line) {
        ObjectNode o = JSON.createObjectNode();
        if (line == null) return answered(o.put("error", "line longer than " + MAX_LINE + " characters; not read"));
        if (line.isBlank()) return answered(o.put("error", "empty line; expected {\"chat\": \"<id>\", \"text\": \"<message>\"}"));
        JsonNode in;
        try {
            in = JSON.readTree(line);
        } catch (Exception e) {
            return answered(o.put("error", "not a JSON object: " + shorten(line)));
        }
        if (in == null || !in.isObject() || !in.path("text").isTextual()) {
            return answered(o.put("error", "expected {\"chat\": \"<id>\", \"text\": \"<message>\"}, got: " + shorten(line)));
        }
        if (!in.path("chat").isTextual() || in.get("chat").asText().isEmpty()) {
            return answered(o.put("error", "chat must be a non-empty string (ids are strings: \"1\", not 1), got: " + shorten(line)));
        }
        String chat = in.get("chat").asText();
        if (!wellFormed(chat)) return answered(o.put("error", "chat is not valid Unicode (a lone surrogate)"));
        String text = in.get("text").asText();
        return new JsonLines.Line(chat, () -> written(turn(assistant, chat, text)));
    }

    private static JsonLines.Line answered(ObjectNode o) {
        String line = written(o);
        return new JsonLines.Line(null, () -> line);
    }

    private static String written(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a reply that cannot be written as JSON", e);
        }
    }

    /** The chat's turn as its output object; a turn that fails gets an apology, and the run goes on. */
    private static ObjectNode turn(Assistant assistant, String chat, String text) {
        ObjectNode o = JSON.createObjectNode();
        try {
            Reply r = assistant.reply(chat, text);
            o.put("chat", chat).put("reply", r.text());
            r.options().forEach(o.putArray("options")::add);
            if (r.options().isEmpty()) o.putArray("options");
            // what each option sends back when chosen: a client may send it as the next text instead of the label
            r.payloads().forEach(o.putArray("payloads")::add);
            if (r.payloads().isEmpty()) o.putArray("payloads");
        } catch (RuntimeException | StackOverflowError e) {
            // a message that no rule could read ends in an apology, never in a stack trace or a dead run
            org.slf4j.LoggerFactory.getLogger(ChatCommand.class).error("turn failed: {}", e.getClass().getName());
            o.removeAll();
            o.put("chat", chat).put("reply", APOLOGY).putArray("options");
        }
        return o;
    }

    static final String APOLOGY = "抱歉，处理您的消息时出了问题，请稍后再试或换个说法。";

    /** No lone surrogate: the id can be stored and compared as the text it is. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            else if (Character.isSurrogate(ch)) return false;
        }
        return true;
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** /reload on the console: the operator's way to serve amended policy files without a restart. */
    private String reload(Assistant assistant) {
        try {
            luohu.policy.PolicyModel model = data.policies.load();
            assistant.reload(model, luohu.dialog.DialogFiles.load(data.dialogsDir(), model.vocabulary()));
            return "已重新载入政策文件（版本 " + model.version() + "）。";
        } catch (RuntimeException e) {
            return "重新载入失败，仍使用原来的政策文件：" + e.getMessage();
        }
    }

    private static void console(Assistant assistant, BufferedReader in, PrintStream out,
                                java.util.function.Function<Assistant, String> reload) throws java.io.IOException {
        String chat = "console";
        print(out, assistant.reply(chat, "你好"));
        List<String> options = List.of();
        List<String> payloads = List.of();
        while (true) {
            out.print("> ");
            out.flush();
            String line = in.readLine();
            if (line == null || List.of("exit", "quit", "退出").contains(line.strip())) break;
            if (line.isBlank()) continue;
            String text = line.strip();
            if (text.equals("/reload")) {
                out.println(reload.apply(assistant));
                continue;
            }
            // a number picks a quick-reply option, as a button would
            if (text.matches("\\d{1,2}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= options.size()) {
                text = payloads.get(Integer.parseInt(text) - 1);
            }
            Reply r = assistant.reply(chat, text);
            print(out, r);
            options = r.options();
            payloads = r.payloads();
        }
        out.println("再见！");
    }

    private static void print(PrintStream out, Reply r) {
        out.println(r.text());
        for (int i = 0; i < r.options().size(); i++) out.println("  [" + (i + 1) + "] " + r.options().get(i));
        out.println();
    }
}
