package luohu.channel.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import luohu.Assistant;
import luohu.dialog.Reply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * POST /api/chat {chat, text}: one message to the conversation engine, as the console and the bot get it.
 * POST /api/chat/forget {chat}: deletes the conversation at once. Web chats are kept apart from other channels'.
 */
final class ChatApi {
    static final String SHAPE = "{\"chat\": \"a1b2c3\", \"text\": \"我在赤峰租房，想落户\"}";
    static final int MAX_TEXT = 2000;
    private static final Pattern CHAT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Assistant assistant;
    private final ClientLimits clients;

    ChatApi(Assistant assistant, ClientLimits clients) {
        this.assistant = assistant;
        this.clients = clients;
    }

    void chat(Context ctx) {
        ObjectNode body = JsonBody.object(ctx, SHAPE);
        String chat = chatId(body);
        String text = JsonBody.text(body, "text", true, SHAPE);
        if (text.isBlank()) throw new BadRequestResponse("请输入申请人说的话。(\"text\" is empty; send what the applicant said)");
        if (text.length() > MAX_TEXT) throw new BadRequestResponse("消息太长：最多" + MAX_TEXT + "个字。(\"text\" is too long: at most " + MAX_TEXT + " characters)");
        if (!clients.allowChat(ctx.ip(), chat)) throw WebServer.tooMany();
        Reply r = assistant.reply(sessionId(chat), text);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("chat", chat);
        out.put("reply", r.text());
        out.put("options", r.options());
        out.put("payloads", r.payloads());
        ctx.json(out);
    }

    void forget(Context ctx) {
        String chat = chatId(JsonBody.object(ctx, "{\"chat\": \"a1b2c3\"}"));
        Reply r = assistant.forget(sessionId(chat));
        ctx.json(Map.of("chat", chat, "reply", r.text()));
    }

    private static String chatId(ObjectNode body) {
        String chat = JsonBody.text(body, "chat", true, SHAPE);
        if (!CHAT_ID.matcher(chat).matches()) {
            throw new BadRequestResponse("\"chat\" must be 1 to 64 letters, digits, '-' or '_' (the page makes a random one)");
        }
        return chat;
    }

    private static String sessionId(String chat) {
        return "web:" + chat;
    }
}
