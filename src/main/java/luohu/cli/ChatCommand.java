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

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Assistant assistant = data.assistant()) {
            if (jsonl) jsonLines(assistant, in, out);
            else console(assistant, in, out, this::reload);
        }
        return 0;
    }

    static void jsonLines(Assistant assistant, BufferedReader in, PrintStream out) throws java.io.IOException {
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) continue;
            out.println(JSON.writeValueAsString(jsonTurn(assistant, line)));
        }
    }

    /** One input line to one output object; an unreadable line gets {"error": ...} and the run goes on. */
    static ObjectNode jsonTurn(Assistant assistant, String line) {
        ObjectNode o = JSON.createObjectNode();
        JsonNode in;
        try {
            in = JSON.readTree(line);
        } catch (Exception e) {
            return o.put("error", "not a JSON object: " + shorten(line));
        }
        if (in == null || !in.isObject() || !in.path("chat").isValueNode() || !in.path("text").isTextual()) {
            return o.put("error", "expected {\"chat\": \"<id>\", \"text\": \"<message>\"}, got: " + shorten(line));
        }
        String chat = in.get("chat").asText();
        try {
            Reply r = assistant.reply(chat, in.get("text").asText());
            o.put("chat", chat).put("reply", r.text());
            r.options().forEach(o.putArray("options")::add);
            if (r.options().isEmpty()) o.putArray("options");
            // what each option sends back when chosen: a client may send it as the next text instead of the label
            r.payloads().forEach(o.putArray("payloads")::add);
            if (r.payloads().isEmpty()) o.putArray("payloads");
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ChatCommand.class).error("turn failed", e);
            o.put("chat", chat).put("reply", "抱歉，处理您的消息时出了问题，请稍后再试或换个说法。").putArray("options");
        }
        return o;
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** /reload on the console: the operator's way to serve amended policy files without a restart. */
    private String reload(Assistant assistant) {
        try {
            luohu.policy.PolicyModel model = data.policies.load();
            assistant.reload(model, luohu.dialog.DialogFiles.load(data.dialogsDir(), model.vocabulary()));
            return "policies reloaded (version " + model.version() + ")";
        } catch (RuntimeException e) {
            return "reload failed, still serving the previous policies: " + e.getMessage();
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
