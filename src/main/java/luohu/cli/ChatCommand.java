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

    /** The longest input line read, in characters; the rest of a longer line is skipped and it gets an error. */
    static final int MAX_LINE = 100_000;

    /**
     * One output line per input line, in order, whatever the line holds: a blank, unreadable or over-long line gets
     * {"error": ...}. Chats are not throttled here: this is the contract for tools replaying scripted conversations.
     */
    static void jsonLines(Assistant assistant, java.io.Reader in, PrintStream out) throws java.io.IOException {
        assistant.unthrottled();
        StringBuilder line = new StringBuilder();
        while (true) {
            line.setLength(0);
            boolean tooLong = false, any = false;
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                any = true;
                if (line.length() < MAX_LINE) line.append((char) c);
                else tooLong = true;
            }
            if (c == -1 && !any) break;
            if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') line.setLength(line.length() - 1);
            ObjectNode o = tooLong ? JSON.createObjectNode().put("error", "line longer than " + MAX_LINE + " characters; not read")
                    : jsonTurn(assistant, line.toString());
            out.println(JSON.writeValueAsString(o));
            if (c == -1) break;
        }
    }

    /** One input line to one output object; an unreadable line gets {"error": ...} and the run goes on. */
    static ObjectNode jsonTurn(Assistant assistant, String line) {
        ObjectNode o = JSON.createObjectNode();
        if (line.isBlank()) return o.put("error", "empty line; expected {\"chat\": \"<id>\", \"text\": \"<message>\"}");
        JsonNode in;
        try {
            in = JSON.readTree(line);
        } catch (Exception e) {
            return o.put("error", "not a JSON object: " + shorten(line));
        }
        if (in == null || !in.isObject() || !in.path("text").isTextual()) {
            return o.put("error", "expected {\"chat\": \"<id>\", \"text\": \"<message>\"}, got: " + shorten(line));
        }
        if (!in.path("chat").isTextual() || in.get("chat").asText().isEmpty()) {
            return o.put("error", "chat must be a non-empty string (ids are strings: \"1\", not 1), got: " + shorten(line));
        }
        String chat = in.get("chat").asText();
        if (!wellFormed(chat)) return o.put("error", "chat is not valid Unicode (a lone surrogate)");
        try {
            Reply r = assistant.reply(chat, in.get("text").asText());
            o.put("chat", chat).put("reply", r.text());
            r.options().forEach(o.putArray("options")::add);
            if (r.options().isEmpty()) o.putArray("options");
            // what each option sends back when chosen: a client may send it as the next text instead of the label
            r.payloads().forEach(o.putArray("payloads")::add);
            if (r.payloads().isEmpty()) o.putArray("payloads");
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ChatCommand.class).error("turn failed: {}", e.getClass().getName());
            o.put("chat", chat).put("reply", "抱歉，处理您的消息时出了问题，请稍后再试或换个说法。").putArray("options");
        }
        return o;
    }

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
