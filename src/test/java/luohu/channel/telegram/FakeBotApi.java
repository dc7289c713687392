package luohu.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Bot API server on loopback for the real telegrambots client: answers getMe, deleteWebhook, getUpdates (queued
 * updates from the offset on, long-polling up to a second), setMyCommands, sendMessage, sendChatAction and
 * answerCallbackQuery, method names in any case; records every request. A sendMessage can be made to fail with a
 * scripted status and body.
 */
final class FakeBotApi implements AutoCloseable {
    static final String TOKEN = "4242:SECRET-test-token-do-not-log";
    static final long BOT_ID = 4242;
    static final String BOT_USERNAME = "luohu_test_bot";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request: the method (lower case), whether the token was ours, its JSON body. */
    record Call(String method, boolean ourToken, JsonNode body, long atMillis) {
    }

    /** A message the bot got through: chat, text (HTML as sent), the buttons (text → callback data), its id. */
    record Sent(long chatId, String text, String parseMode, List<String[]> buttons, int messageId) {
        /** The text as the user sees it (entities of HTML parse mode decoded). */
        String plain() {
            return "HTML".equalsIgnoreCase(parseMode) ? text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") : text;
        }

        String data(String buttonText) {
            for (String[] b : buttons) if (b[0].equals(buttonText)) return b[1];
            throw new AssertionError("no button " + buttonText + " under message " + messageId + ": " + texts());
        }

        private String texts() {
            List<String> t = new ArrayList<>();
            for (String[] b : buttons) t.add(b[0]);
            return t.toString();
        }
    }

    private final HttpServer server;
    /** More doors to the same server, one per bot process of a test, so that one process's sends can be held. */
    private final List<HttpServer> doors = new ArrayList<>();
    private final java.util.Set<Integer> held = new java.util.HashSet<>(), dropped = new java.util.HashSet<>();
    private final Map<Integer, Integer> holding = new HashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final List<Call> calls = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final Map<Integer, ObjectNode> everQueued = new HashMap<>();
    private final Map<Long, Deque<int[]>> faults = new HashMap<>();
    private int nextUpdateId = 1, nextMessageId = 1000;

    FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::serve);
        server.start();
    }

    TelegramUrl url() {
        return new TelegramUrl("http", "127.0.0.1", server.getAddress().getPort(), false);
    }

    /** A door of its own to this server (number 1, 2, …): what a bot process using it sends can be held apart. */
    synchronized int openDoor() throws IOException {
        HttpServer door = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int number = doors.size() + 1;
        door.setExecutor(pool);
        door.createContext("/", ex -> serve(ex, number));
        door.start();
        doors.add(door);
        return door.getAddress().getPort();
    }

    /** From now on, messages sent through the door wait unanswered (and unrecorded) until {@link #dropHeld}. */
    synchronized void holdSends(int door) {
        held.add(door);
    }

    /** How many messages sent through the door wait. */
    synchronized int holding(int door) {
        return holding.getOrDefault(door, 0);
    }

    /** The messages held at the door are dropped unanswered: they never reached anyone. */
    synchronized void dropHeld(int door) {
        dropped.add(door);
        notifyAll();
    }

    // ---- what the test puts in

    /** A text message from a user in a private chat (chat id = user id); the update id. */
    synchronized int text(long chatId, String text) {
        return enqueue(update("message", message(chatId, "private", chatId, text)));
    }

    /** A command, with its bot_command entity as Telegram sends it. */
    synchronized int command(long chatId, String command) {
        ObjectNode m = message(chatId, "private", chatId, command);
        m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", command.split(" ")[0].length());
        return enqueue(update("message", m));
    }

    synchronized int photo(long chatId) {
        ObjectNode m = message(chatId, "private", chatId, null);
        ArrayNode sizes = m.putArray("photo");
        sizes.addObject().put("file_id", "p1").put("file_unique_id", "u1").put("width", 90).put("height", 90);
        return enqueue(update("message", m));
    }

    synchronized int edited(long chatId, int messageId, String text) {
        ObjectNode m = message(chatId, "private", chatId, text);
        m.put("message_id", messageId).put("edit_date", 1_700_000_100);
        return enqueue(update("edited_message", m));
    }

    /** A press of a button with the given callback data under the given message of the bot. */
    synchronized int press(long chatId, int messageId, String data) {
        ObjectNode q = JSON.createObjectNode();
        q.put("id", "cb" + nextUpdateId).put("chat_instance", "ci" + chatId).put("data", data);
        q.set("from", user(chatId));
        ObjectNode m = message(chatId, "private", BOT_ID, "…");
        m.put("message_id", messageId);
        m.set("from", JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "bot").put("username", BOT_USERNAME));
        q.set("message", m);
        return enqueue(update("callback_query", q));
    }

    /** A message in a group from a user; {@code replyToBot} makes it a reply to one of the bot's messages. */
    synchronized int groupText(long groupId, long userId, String text, boolean replyToBot) {
        ObjectNode m = message(groupId, "supergroup", userId, text);
        ((ObjectNode) m.get("chat")).put("title", "落户交流群");
        if (replyToBot) {
            ObjectNode r = message(groupId, "supergroup", BOT_ID, "…");
            r.set("from", JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "bot").put("username", BOT_USERNAME));
            m.set("reply_to_message", r);
        }
        return enqueue(update("message", m));
    }

    /** Puts an update that was delivered before back in the queue, as Telegram does after a restart. */
    synchronized void redeliver(ObjectNode update) {
        updates.add(update.deepCopy());
        notifyAll();
    }

    /** An update as it was first queued. */
    synchronized ObjectNode update(int updateId) {
        return everQueued.get(updateId).deepCopy();
    }

    /** The next {@code times} sendMessage requests to the chat are answered with the status and Telegram's error. */
    synchronized void failSends(long chatId, int status, int times, int retryAfter) {
        for (int i = 0; i < times; i++) faults.computeIfAbsent(chatId, k -> new ArrayDeque<>()).add(new int[]{status, retryAfter});
    }

    // ---- what the test reads

    synchronized List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId == chatId).toList();
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Call> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return calls.stream().filter(c -> c.method.equals(m)).toList();
    }

    /** Waits (up to the deadline) until the condition holds; false when it never did. */
    boolean await(Duration deadline, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            synchronized (this) {
                if (condition.getAsBoolean()) return true;
            }
            Thread.sleep(20);
        }
        synchronized (this) {
            return condition.getAsBoolean();
        }
    }

    /** Waits until the chat got {@code n} messages and returns them. */
    List<Sent> awaitSent(long chatId, int n) throws InterruptedException {
        if (!await(Duration.ofSeconds(20), () -> sentTo(chatId).size() >= n)) {
            throw new AssertionError("chat " + chatId + " got " + sentTo(chatId).size() + " messages, expected " + n
                    + ": " + sentTo(chatId).stream().map(s -> s.plain().length() > 80 ? s.plain().substring(0, 80) + "…" : s.plain()).toList());
        }
        return sentTo(chatId);
    }

    // ---- the server

    private void serve(HttpExchange ex) throws IOException {
        serve(ex, 0);
    }

    private void serve(HttpExchange ex, int door) throws IOException {
        try (ex) {
            String[] path = ex.getRequestURI().getPath().split("/");
            // /bot<token>/<method>
            String token = path.length > 1 && path[1].startsWith("bot") ? path[1].substring(3) : "";
            String method = path.length > 2 ? path[path.length - 1].toLowerCase(Locale.ROOT) : "";
            byte[] in = ex.getRequestBody().readAllBytes();
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            boolean multipart = type != null && type.startsWith("multipart/form-data");
            JsonNode body = multipart ? Multipart.fields(in, type) : in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
            boolean ours = TOKEN.equals(token);
            synchronized (this) {
                calls.add(new Call(method, ours, body, System.currentTimeMillis()));
            }
            if (!ours) {
                reply(ex, 401, error(401, "Unauthorized", 0));
                return;
            }
            switch (method) {
                case "getme" -> reply(ex, 200, ok(JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true)
                        .put("first_name", "落户助手").put("username", BOT_USERNAME)));
                case "deletewebhook", "setmycommands", "sendchataction", "answercallbackquery", "setwebhook" ->
                        reply(ex, 200, ok(JSON.getNodeFactory().booleanNode(true)));
                case "getupdates" -> reply(ex, 200, ok(updates(body)));
                case "sendmessage" -> {
                    if (held(door)) return; // dropped unanswered
                    sendMessage(ex, body);
                }
                case "senddocument" -> sendDocument(ex, body, multipart ? Multipart.file(in, type, body.path("document").asText("document")) : null);
                default -> reply(ex, 404, error(404, "Not Found: method " + method, 0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits while the door holds sends; true when the send is then dropped. */
    private synchronized boolean held(int door) throws InterruptedException {
        if (!held.contains(door)) return false;
        holding.merge(door, 1, Integer::sum);
        while (!dropped.contains(door)) wait();
        return true;
    }

    private ArrayNode updates(JsonNode body) throws InterruptedException {
        long offset = body.path("offset").asLong(0);
        int limit = body.path("limit").asInt(100);
        long wait = Math.min(1000, Math.max(0, body.path("timeout").asLong(0) * 1000));
        long end = System.currentTimeMillis() + wait;
        synchronized (this) {
            // an offset confirms every update before it
            if (offset > 0) updates.removeIf(u -> u.get("update_id").asLong() < offset);
            while (updates.isEmpty() && System.currentTimeMillis() < end) wait(Math.max(1, end - System.currentTimeMillis()));
            ArrayNode out = JSON.createArrayNode();
            for (Iterator<ObjectNode> it = updates.iterator(); it.hasNext() && out.size() < limit; ) out.add(it.next());
            return out;
        }
    }

    /** A document sent: the chat, the file's name and bytes, its caption. */
    record Document(long chatId, String fileName, byte[] content, String caption) {
    }

    private final List<Document> documents = new ArrayList<>();

    synchronized List<Document> documentsTo(long chatId) {
        return documents.stream().filter(d -> d.chatId() == chatId).toList();
    }

    private void sendDocument(HttpExchange ex, JsonNode body, Multipart.Part file) throws IOException {
        if (file == null) {
            reply(ex, 400, error(400, "Bad Request: there is no document in the request", 0));
            return;
        }
        int id;
        synchronized (this) {
            documents.add(new Document(body.path("chat_id").asLong(), file.fileName(), file.content(), body.path("caption").asText(null)));
            id = nextMessageId++;
            notifyAll();
        }
        reply(ex, 200, ok(JSON.createObjectNode().put("message_id", id).put("date", System.currentTimeMillis() / 1000)
                .set("chat", JSON.createObjectNode().put("id", body.path("chat_id").asLong()).put("type", "private"))));
    }

    private void sendMessage(HttpExchange ex, JsonNode body) throws IOException {
        long chatId = body.path("chat_id").asLong();
        int[] fault;
        Sent s = null;
        synchronized (this) {
            Deque<int[]> f = faults.get(chatId);
            fault = f == null ? null : f.poll();
            if (fault == null) {
                List<String[]> buttons = new ArrayList<>();
                for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
                    for (JsonNode b : row) buttons.add(new String[]{b.path("text").asText(), b.path("callback_data").asText()});
                }
                s = new Sent(chatId, body.path("text").asText(), body.path("parse_mode").asText(null), buttons, nextMessageId++);
                sent.add(s);
            }
        }
        if (fault != null) {
            String description = fault[0] == 429 ? "Too Many Requests: retry after " + fault[1] : "Internal Server Error";
            reply(ex, fault[0], error(fault[0], description, fault[1]));
            return;
        }
        ObjectNode m = JSON.createObjectNode().put("message_id", s.messageId()).put("date", 1_700_000_000).put("text", s.text());
        m.set("chat", JSON.createObjectNode().put("id", chatId).put("type", "private"));
        reply(ex, 200, ok(m));
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode o = JSON.createObjectNode().put("ok", true);
        o.set("result", result);
        return o;
    }

    private static ObjectNode error(int code, String description, int retryAfter) {
        ObjectNode o = JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter > 0) o.putObject("parameters").put("retry_after", retryAfter);
        return o;
    }

    private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] out = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    // ---- update JSON

    private int enqueue(ObjectNode update) {
        updates.add(update);
        everQueued.put(update.get("update_id").asInt(), update.deepCopy());
        notifyAll();
        return update.get("update_id").asInt();
    }

    private ObjectNode update(String kind, ObjectNode payload) {
        ObjectNode u = JSON.createObjectNode().put("update_id", nextUpdateId++);
        u.set(kind, payload);
        return u;
    }

    private ObjectNode message(long chatId, String chatType, long fromId, String text) {
        ObjectNode m = JSON.createObjectNode().put("message_id", nextMessageId++).put("date", 1_700_000_000);
        ObjectNode chat = m.putObject("chat").put("id", chatId).put("type", chatType);
        if ("private".equals(chatType)) chat.put("first_name", "用户");
        m.set("from", user(fromId));
        if (text != null) m.put("text", text);
        return m;
    }

    private static ObjectNode user(long id) {
        return JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "用户" + id);
    }

    @Override
    public void close() {
        server.stop(0);
        for (HttpServer door : doors) door.stop(0);
        synchronized (this) {
            dropped.addAll(held);
            notifyAll();
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
