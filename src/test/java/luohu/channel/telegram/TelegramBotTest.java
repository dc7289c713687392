package luohu.channel.telegram;

import luohu.TestAssistants;
import luohu.answer.Prompts;
import luohu.dialog.Reply;
import luohu.store.MemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot end to end: the real telegrambots client and the real assistant against {@link FakeBotApi} on loopback.
 * Waits are bounded by generous deadlines; nothing asserts how fast anything was.
 */
class TelegramBotTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static PrintStream originalErr;

    private FakeBotApi api;
    private TelegramBot bot;
    private MemoryStore store;

    /** Everything logged while the class runs is kept, to check that no token and no message text was logged. */
    @BeforeAll
    static void captureLog() {
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(originalErr, LOG), true, StandardCharsets.UTF_8));
        org.slf4j.LoggerFactory.getLogger(TelegramBotTest.class).warn("log capture on");
    }

    @AfterAll
    static void logHasNoTokenAndNoMessageText() {
        System.setErr(originalErr);
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("log capture on"), "the log was captured");
        assertFalse(log.contains(FakeBotApi.TOKEN), "the token was logged");
        assertFalse(log.contains("SECRET"), "a part of the token was logged");
        for (String said : List.of("我在聊城买了房", "炸了", "租房能落户吗", "赤峰能落户吗")) {
            assertFalse(log.contains(said), "a message text was logged: " + said);
        }
    }

    @BeforeEach
    void startApi() throws Exception {
        api = new FakeBotApi();
        store = new MemoryStore();
    }

    @AfterEach
    void stop() {
        if (bot != null) bot.close();
        api.close();
    }

    private TelegramBot.Settings settings() {
        return TelegramBot.Settings.defaults(api.url()).withPollTimeoutSeconds(1)
                .withRequestTimeout(Duration.ofSeconds(5)).withRetry(new Sender.Settings(100, 1000, 60_000));
    }

    private void start() throws Exception {
        start(ChatEngine.of(TestAssistants.withStore(store)), new MemoryUpdateJournal());
    }

    private void start(ChatEngine engine, UpdateJournal journal) throws Exception {
        bot = TelegramBot.start(FakeBotApi.TOKEN, settings(), () -> engine, me -> journal);
    }

    private static String last(List<FakeBotApi.Sent> sent) {
        return sent.get(sent.size() - 1).plain();
    }

    @Test
    void aWholeConversationToAnAnswerWithCitations() throws Exception {
        start();
        long chat = 1001;
        api.command(chat, "/start");
        FakeBotApi.Sent greeting = api.awaitSent(chat, 1).get(0);
        assertEquals("html", greeting.parseMode().toLowerCase(java.util.Locale.ROOT));
        for (String s : List.of("落户助手", "赤峰市", "二连浩特市", "聊城市", "铁岭市", "新疆维吾尔自治区")) {
            assertTrue(greeting.plain().contains(s), greeting.plain());
        }
        api.press(chat, greeting.messageId(), greeting.data("聊城市"));
        FakeBotApi.Sent housing = api.awaitSent(chat, 2).get(1);
        assertTrue(housing.plain().contains("您现在在当地住的是什么房子"), housing.plain());

        api.press(chat, housing.messageId(), housing.data("租的房子"));
        FakeBotApi.Sent lease = api.awaitSent(chat, 3).get(2);
        assertTrue(lease.plain().contains("租赁登记备案"), lease.plain());

        api.text(chat, "是的");
        String answer = last(api.awaitSent(chat, 4));
        assertTrue(answer.contains("在聊城市，您可以按“租房落户”申请落户（三(一)2）"), answer);
        assertTrue(answer.contains("依据：《关于进一步深化户籍管理制度改革促进城乡融合区域协调发展的实施方案》"), answer);

        assertEquals(2, api.calls("answerCallbackQuery").size());
        assertTrue(api.calls("sendChatAction").size() >= 3, "typing is shown while answers are prepared");
        assertEquals("typing", api.calls("sendChatAction").get(0).body().path("action").asText());
        assertEquals(1, api.calls("deleteWebhook").size());
    }

    @Test
    void aButtonResolvesToItsOptionEvenAfterOtherMessagesAndUnknownDataIsAnsweredOnly() throws Exception {
        start();
        long chat = 1002;
        api.command(chat, "/start");
        FakeBotApi.Sent greeting = api.awaitSent(chat, 1).get(0);
        api.text(chat, "谢谢");
        api.awaitSent(chat, 2);
        // the greeting's keyboard is two messages old by now
        api.press(chat, greeting.messageId(), greeting.data("铁岭市"));
        String reply = last(api.awaitSent(chat, 3));
        assertTrue(reply.contains("铁岭"), reply);
        for (String[] b : greeting.buttons()) {
            assertTrue(b[1].getBytes(StandardCharsets.UTF_8).length <= 64, b[1]);
        }

        api.press(chat, greeting.messageId(), "h:no-such-option-hash");
        api.text(chat, "你好");
        List<FakeBotApi.Sent> sent = api.awaitSent(chat, 4);
        assertEquals(4, sent.size(), "an unknown button gets no message");
        var answers = api.calls("answerCallbackQuery");
        assertEquals(2, answers.size());
        assertTrue(answers.get(1).body().path("text").asText().contains("按钮已失效"), answers.get(1).body().toString());
    }

    /**
     * From a Telegram conversation to the window: an answer offers the sheet, /summary gives it with its code and its
     * PDF (a one-page A4 document when the CJK font is installed), and the window's API opens the code to the same
     * facts and checklist.
     */
    @Test
    void anAnswerThenThePreCheckSheetItsCodeAndItsPdfWhichTheWindowOpens(@TempDir Path dir) throws Exception {
        Path db = dir.resolve(luohu.store.SqliteStore.FILE);
        luohu.Assistant assistant = TestAssistants.withStore(store).withPrecheck(luohu.store.SqlitePrecheckCodes.open(db, 0), Duration.ofDays(14));
        start(ChatEngine.of(assistant), new MemoryUpdateJournal());
        long chat = 1010;
        api.text(chat, "我在二连浩特有自己的房子，想把户口迁过来");
        FakeBotApi.Sent answer = api.awaitSent(chat, 1).get(0);
        assertTrue(answer.plain().contains("合法稳定住所落户（自有房屋落户）"), answer.plain());
        api.press(chat, answer.messageId(), answer.data("生成预审单"));
        FakeBotApi.Sent byButton = api.awaitSent(chat, 2).get(1);
        assertTrue(byButton.plain().contains("预审码："), byButton.plain());
        api.command(chat, "/summary");
        String sheet = api.awaitSent(chat, 3).get(2).plain();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("预审码：(\\S{4}-\\S{4}-\\S{2})").matcher(sheet);
        assertTrue(m.find(), sheet);
        assertTrue(sheet.contains("住房：自己的房子") && sheet.contains("房屋所有权证明") && sheet.contains("有效期14天"), sheet);

        boolean font = java.nio.file.Files.isReadable(luohu.print.SheetPdf.DEBIAN_NOTO);
        if (font) {
            assertTrue(api.await(DEADLINE, () -> api.documentsTo(chat).size() == 2), "a PDF after each sheet: " + api.calls("sendDocument").size() + " " + api.documentsTo(chat).size());
            FakeBotApi.Document pdf = api.documentsTo(chat).get(1);
            assertTrue(pdf.fileName().endsWith(".pdf"), pdf.fileName());
            assertEquals("预审单（PDF，A4一页），可打印带去户籍窗口。", pdf.caption());
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.content())) {
                assertEquals(1, doc.getNumberOfPages());
                assertEquals(org.apache.pdfbox.pdmodel.common.PDRectangle.A4.getHeight(), doc.getPage(0).getMediaBox().getHeight(), 0.5);
                assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).contains(m.group(1)), "the PDF carries the code");
            }
        } else {
            assertEquals(0, api.calls("sendDocument").size(), "without a font, the text sheet alone");
        }

        // the window, another process on the same database, opens the code
        try (luohu.Assistant desk = TestAssistants.withStore(new MemoryStore()).withPrecheck(luohu.store.SqlitePrecheckCodes.open(db, 0), Duration.ofDays(14))) {
            luohu.store.PrecheckCodes.Entry e = desk.precheck().open(m.group(1)).orElseThrow();
            assertEquals("二连浩特市", e.place());
            assertEquals(store.load(UpdateHandler.conversation(chat)).orElseThrow().facts(), e.facts());
            luohu.answer.PrecheckSheet opened = desk.machine().sheets().build(e.place(), e.facts(), List.of(), e.pathway()).orElseThrow();
            assertTrue(sheet.startsWith(opened.text()), "the window sees the same sheet:\n" + opened.text() + "\n---\n" + sheet);
        }
        api.command(chat, "/forget");
        api.awaitSent(chat, 4);
        assertTrue(assistant.precheck().open(m.group(1)).isEmpty(), "/forget deletes the codes");
    }

    @Test
    void startHelpResetForgetAndTheCommandMenu() throws Exception {
        start();
        long chat = 1003;
        api.command(chat, "/start");
        api.text(chat, "我在聊城买了房，想落户");
        api.command(chat, "/help");
        api.command(chat, "/reset");
        api.text(chat, "我在铁岭买了房");
        api.command(chat, "/forget");
        api.command(chat, "/whatever");
        List<FakeBotApi.Sent> sent = api.awaitSent(chat, 7);
        assertTrue(sent.get(0).plain().contains("落户助手"), sent.get(0).plain());
        assertTrue(sent.get(1).plain().contains("聊城"), sent.get(1).plain());
        assertTrue(sent.get(2).plain().contains("我可以帮您"), sent.get(2).plain());
        assertTrue(sent.get(3).plain().contains("已经清空"), sent.get(3).plain());
        assertTrue(sent.get(4).plain().contains("铁岭"), sent.get(4).plain());
        assertTrue(sent.get(5).plain().contains("已删除您在本助手的全部对话信息"), sent.get(5).plain());
        assertTrue(sent.get(6).plain().contains("/forget"), sent.get(6).plain());
        assertTrue(store.load(UpdateHandler.conversation(chat)).isEmpty(), "/forget deletes the stored conversation");

        var menu = api.calls("setMyCommands");
        assertEquals(1, menu.size());
        List<String> commands = new ArrayList<>();
        menu.get(0).body().path("commands").forEach(c -> {
            commands.add(c.path("command").asText());
            assertFalse(c.path("description").asText().isBlank());
        });
        assertEquals(List.of("start", "help", "reset", "summary", "forget"), commands);
    }

    @Test
    void aPhotoGetsTheNoteThatOnlyTextIsRead() throws Exception {
        start();
        long chat = 1004;
        api.photo(chat);
        assertTrue(last(api.awaitSent(chat, 1)).contains("只能读文字消息"));
    }

    @Test
    void anEditedMessageIsHandledAsNewText() throws Exception {
        start();
        long chat = 1005;
        int id = api.text(chat, "租房能落户吗");
        assertTrue(last(api.awaitSent(chat, 1)).contains("哪个城市"));
        api.edited(chat, 5000 + id, "我在聊城租房");
        String reply = last(api.awaitSent(chat, 2));
        assertTrue(reply.contains("租赁登记备案"), reply);
    }

    @Test
    void inAGroupOnlyMessagesAddressedToTheBotAreAnswered() throws Exception {
        start();
        long group = -100777;
        api.groupText(group, 7, "赤峰能落户吗", false);
        api.groupText(group, 8, "/start@some_other_bot", false);
        api.groupText(group, 7, "@" + FakeBotApi.BOT_USERNAME + " 我在聊城买了房，想落户", false);
        List<FakeBotApi.Sent> sent = api.awaitSent(group, 1);
        // updates of a chat are answered in order: had the first two been answered, they would have come first
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).plain().contains("聊城"), sent.get(0).plain());

        api.groupText(group, 7, "是的", true); // a reply to the bot's message
        api.groupText(group, 9, "/help", false);
        sent = api.awaitSent(group, 3);
        assertTrue(sent.get(2).plain().contains("我可以帮您"), sent.get(2).plain());
    }

    @Test
    void sendsAnswered429And500AreDeliveredAfterwards() throws Exception {
        start();
        long chat = 1006;
        api.failSends(chat, 429, 1, 1);
        api.command(chat, "/start");
        assertTrue(last(api.awaitSent(chat, 1)).contains("落户助手"));
        var attempts = api.calls("sendMessage");
        assertEquals(2, attempts.size());
        assertTrue(attempts.get(1).atMillis() - attempts.get(0).atMillis() >= 950, "retry_after (1 s) is honoured");

        api.failSends(chat, 500, 2, 0);
        api.command(chat, "/help");
        List<FakeBotApi.Sent> sent = api.awaitSent(chat, 2);
        assertTrue(sent.get(1).plain().contains("我可以帮您"), sent.get(1).plain());
        assertEquals(5, api.calls("sendMessage").size(), "1 + 1 retry, then 1 + 2 retries");
        assertEquals(2, api.sentTo(chat).size());
    }

    @Test
    void aHandlerThatThrowsIsApologisedForAndTheNextUpdateIsServed() throws Exception {
        ChatEngine real = ChatEngine.of(TestAssistants.withStore(store));
        ChatEngine faulty = new ChatEngine() {
            @Override
            public Reply reply(String conversation, String text) {
                if (text.equals("炸了")) throw new IllegalStateException("boom");
                if (text.equals("长答案")) return longReply();
                return real.reply(conversation, text);
            }

            @Override
            public Reply forget(String conversation) {
                return real.forget(conversation);
            }

            @Override
            public Reply greeting() {
                return real.greeting();
            }

            @Override
            public Prompts prompts() {
                return real.prompts();
            }
        };
        start(faulty, new MemoryUpdateJournal());
        long chat = 1007;
        api.text(chat, "炸了");
        api.text(chat, "你好");
        List<FakeBotApi.Sent> sent = api.awaitSent(chat, 2);
        assertTrue(sent.get(0).plain().contains("抱歉，处理您的消息时出了问题"), sent.get(0).plain());
        assertTrue(sent.get(1).plain().contains("落户助手"), sent.get(1).plain());

        // a long answer arrives split at paragraph boundaries, in order, the buttons under the last part
        api.text(chat, "长答案");
        int parts = MessageSplitter.split(longReply().text()).size();
        assertTrue(parts >= (longReply().text().length() + 4095) / 4096 && parts > 1);
        sent = api.awaitSent(chat, 2 + parts);
        assertEquals(2 + parts, sent.size());
        StringBuilder joined = new StringBuilder();
        for (int i = 2; i < sent.size(); i++) {
            assertTrue(sent.get(i).plain().length() <= 4096);
            assertTrue(sent.get(i).plain().startsWith("第"), "parts start at a paragraph");
            assertEquals(i == sent.size() - 1, !sent.get(i).buttons().isEmpty());
            joined.append(sent.get(i).plain()).append("\n\n");
        }
        assertEquals(longReply().text(), joined.toString().strip());
    }

    private static Reply longReply() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            sb.append("第").append(i).append("段：").append("<落户&材料>".repeat(30)).append("\n\n");
        }
        return new Reply(sb.toString().strip(), List.of("直接告诉我结果"));
    }

    @Test
    void twoHundredChatsAtOnceGetEveryReplyInOrderNoneTwice() throws Exception {
        start();
        int chats = 200;
        for (int i = 0; i < chats; i++) {
            api.command(20_000 + i, "/start");
            api.command(20_000 + i, "/help");
        }
        assertTrue(api.await(Duration.ofSeconds(45), () -> api.sent().size() >= 2 * chats),
                "delivered " + api.sent().size() + " of " + 2 * chats);
        for (int i = 0; i < chats; i++) {
            List<FakeBotApi.Sent> sent = api.sentTo(20_000 + i);
            assertEquals(2, sent.size(), "chat " + i);
            assertTrue(sent.get(0).plain().contains("落户助手"), sent.get(0).plain());
            assertTrue(sent.get(1).plain().contains("我可以帮您"), sent.get(1).plain());
        }
        assertEquals(2 * chats, api.sent().size());
    }

    @Test
    void anUpdateIsNotAnsweredTwiceAcrossARestart(@TempDir Path data) throws Exception {
        Path file = data.resolve("journal/telegram-updates");
        start(ChatEngine.of(TestAssistants.withStore(store)), FileUpdateJournal.open(file));
        long chat = 1008;
        int first = api.text(chat, "你好");
        api.awaitSent(chat, 1);
        var delivered = api.update(first);
        bot.close();

        // Telegram hands the update out again to the restarted bot, whose offset starts from scratch
        api.redeliver(delivered);
        start(ChatEngine.of(TestAssistants.withStore(store)), FileUpdateJournal.open(file));
        api.command(chat, "/help");
        List<FakeBotApi.Sent> sent = api.awaitSent(chat, 2);
        assertEquals(2, sent.size());
        assertTrue(sent.get(1).plain().contains("我可以帮您"), sent.get(1).plain());
    }

    @Test
    void aMissingOrRejectedTokenIsOneClearLineAndExitCode2() throws Exception {
        var missing = assertThrows(TelegramBot.StartFailure.class,
                () -> TelegramBot.start(" ", settings(), () -> { throw new AssertionError("not needed"); }, me -> new MemoryUpdateJournal()));
        assertEquals(2, missing.exitCode());
        var rejected = assertThrows(TelegramBot.StartFailure.class,
                () -> TelegramBot.start("1:wrong", settings(), () -> { throw new AssertionError("not needed"); }, me -> new MemoryUpdateJournal()));
        assertEquals(2, rejected.exitCode());
        assertTrue(rejected.getMessage().contains("rejected the bot token"), rejected.getMessage());

        TelegramCommand command = new CommandLine(new TelegramCommand()).getCommand();
        StringWriter err = new StringWriter();
        assertEquals(2, command.run(Map.of(), new PrintWriter(err, true)));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("TELEGRAM_BOT_TOKEN is not set"), err.toString());

        err = new StringWriter();
        String url = "http://127.0.0.1:" + api.url().getPort();
        assertEquals(2, command.run(Map.of("TELEGRAM_BOT_TOKEN", "1:wrong", "TELEGRAM_API_URL", url), new PrintWriter(err, true)));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("rejected the bot token"), err.toString());
        assertFalse(err.toString().contains("1:wrong"));
    }

    /** Writes to two streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a, b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
