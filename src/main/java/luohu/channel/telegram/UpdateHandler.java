package luohu.channel.telegram;

import luohu.dialog.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one update into assistant calls and replies. Runs on the update's chat lane, so the updates of a chat
 * are handled one at a time, in order. May throw; {@link TelegramBot} then logs and apologises.
 * <ul>
 * <li>text (also an edited message): the assistant's reply, with its options as inline buttons;</li>
 * <li>a button: answered at once (answerCallbackQuery), then handled as if its option had been typed;</li>
 * <li>/start (greeting), /help, /reset, /forget; an unknown command gets the list of commands;</li>
 * <li>photos, stickers, voice, files, locations and other media: a short note that only text is read;</li>
 * <li>in groups only messages that address the bot (command, mention, reply to it) are answered, and the
 * whole group is one conversation.</li>
 * </ul>
 */
final class UpdateHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateHandler.class);
    private final ChatEngine engine;
    private final Sender sender;
    private final CallbackCodec codec;
    private final BotIdentity me;
    private final BotTexts texts;

    UpdateHandler(ChatEngine engine, Sender sender, CallbackCodec codec, BotIdentity me, BotTexts texts) {
        this.engine = engine;
        this.sender = sender;
        this.codec = codec;
        this.me = me;
        this.texts = texts;
    }

    /** The chat an update belongs to (its lane); empty for updates the bot does not answer. */
    static Optional<Chat> chatOf(Update u) {
        if (u.hasMessage()) return Optional.ofNullable(u.getMessage().getChat());
        if (u.hasEditedMessage()) return Optional.ofNullable(u.getEditedMessage().getChat());
        if (u.hasCallbackQuery() && u.getCallbackQuery().getMessage() != null) {
            return Optional.ofNullable(u.getCallbackQuery().getMessage().getChat());
        }
        return Optional.empty();
    }

    /** The conversation id the assistant keeps for a chat. */
    static String conversation(long chatId) {
        return "telegram:" + chatId;
    }

    static boolean isGroup(Chat chat) {
        return "group".equals(chat.getType()) || "supergroup".equals(chat.getType());
    }

    void handle(Update u) {
        if (u.hasCallbackQuery()) button(u.getCallbackQuery());
        else if (u.hasMessage()) message(u.getMessage());
        else if (u.hasEditedMessage()) message(u.getEditedMessage());
    }

    /** Tells the chat that something went wrong with its last update. */
    void apologize(Update u) {
        chatOf(u).ifPresent(chat -> sender.sendText(chat.getId(), isGroup(chat), texts.error(), null));
    }

    private void message(Message m) {
        Chat chat = m.getChat();
        if (chat == null || chat.getId() == null || "channel".equals(chat.getType())) return;
        long chatId = chat.getId();
        boolean group = isGroup(chat);
        if (group && m.getNewChatMembers() != null
                && m.getNewChatMembers().stream().map(User::getId).anyMatch(id -> id != null && id == me.id())) {
            say(chatId, true, Reply.of(texts.groupHint(me.username())));
            return;
        }
        if (group && !Addressing.addressesBot(m, me)) return;
        if (!m.hasText()) {
            if (hasMedia(m)) say(chatId, group, Reply.of(texts.textOnly()));
            return; // service messages (members joining, pins, ...) get no answer
        }
        Optional<Addressing.Command> cmd = Addressing.command(m.getText(), me);
        if (cmd.isPresent()) {
            if (!cmd.get().forOtherBot()) command(chatId, group, cmd.get());
            return;
        }
        String text = group ? Addressing.withoutMention(m.getText(), me) : m.getText().strip();
        if (text.isEmpty()) {
            say(chatId, group, group ? Reply.of(texts.groupHint(me.username())) : engine.greeting());
            return;
        }
        sender.typing(chatId);
        answer(chatId, group, engine.answer(conversation(chatId), text));
    }

    /**
     * An answer: the reply, with a button for the pre-check sheet once there is one to give, and the sheet's PDF as
     * a document after the reply that issued its code (when a CJK font is there to make it).
     */
    private void answer(long chatId, boolean group, luohu.Assistant.Answered a) {
        Reply r = a.reply();
        if (a.sheetReady()) {
            List<String> labels = new ArrayList<>(r.options());
            List<String> payloads = new ArrayList<>(r.payloads());
            labels.add(engine.prompts().say("precheck_button"));
            payloads.add(engine.prompts().say("precheck_button"));
            r = new Reply(r.text(), labels, payloads);
        }
        say(chatId, group, r);
        if (a.issued() != null) {
            engine.sheetPdf(a.issued()).ifPresent(pdf -> {
                if (!sender.sendDocument(chatId, group, pdf, "预审单-" + a.issued().issued() + ".pdf", engine.prompts().say("precheck_pdf_caption"))) {
                    LOG.error("the pre-check sheet's PDF was not delivered");
                }
            });
        }
    }

    private void command(long chatId, boolean group, Addressing.Command cmd) {
        String conv = conversation(chatId);
        Reply r = switch (cmd.name()) {
            case "start" -> engine.greeting();
            case "help" -> engine.reply(conv, "帮助");
            case "reset" -> engine.reply(conv, "重新开始");
            case "forget" -> engine.forget(conv);
            case "summary" -> {
                answer(chatId, group, engine.answer(conv, "生成预审单"));
                yield null;
            }
            default -> Reply.of(texts.unknownCommand());
        };
        if (r != null) say(chatId, group, r);
    }

    private void button(CallbackQuery q) {
        MaybeInaccessibleMessage m = q.getMessage();
        Optional<String> option = codec.decode(q.getData());
        sender.answerCallback(q.getId(), option.isPresent() ? null : texts.buttonExpired());
        if (m == null || m.getChat() == null || option.isEmpty()) return;
        long chatId = m.getChat().getId();
        sender.typing(chatId);
        answer(chatId, isGroup(m.getChat()), engine.answer(conversation(chatId), option.get()));
    }

    /** Sends a reply: its text cut at paragraph boundaries, in order, the buttons under the last part. */
    private void say(long chatId, boolean group, Reply r) {
        List<String> parts = MessageSplitter.split(r.text());
        if (parts.isEmpty()) {
            LOG.warn("the assistant gave an empty reply; nothing sent");
            return;
        }
        for (int i = 0; i < parts.size(); i++) {
            InlineKeyboardMarkup keyboard = i == parts.size() - 1 ? keyboard(r) : null;
            if (!sender.sendText(chatId, group, parts.get(i), keyboard)) {
                LOG.error("a reply was not delivered (part {} of {})", i + 1, parts.size());
            }
        }
    }

    /**
     * Options as inline buttons: three to a row when they are short, two when medium, else one. A button carries the
     * option's payload (an id such as an answer's value), so pressing it is never read again as words.
     */
    InlineKeyboardMarkup keyboard(Reply r) {
        List<String> options = r.options();
        if (options.isEmpty()) return null;
        int longest = options.stream().mapToInt(String::length).max().orElse(0);
        int perRow = longest <= 6 ? 3 : longest <= 12 ? 2 : 1;
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (int i = 0; i < options.size(); i++) {
            if (row.size() == perRow) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
            row.add(InlineKeyboardButton.builder().text(options.get(i)).callbackData(codec.encode(r.payloads().get(i))).build());
        }
        rows.add(row);
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static boolean hasMedia(Message m) {
        return m.hasPhoto() || m.hasSticker() || m.hasVoice() || m.hasAudio() || m.hasDocument() || m.hasVideo()
                || m.hasVideoNote() || m.hasAnimation() || m.hasLocation() || m.getVenue() != null || m.hasContact()
                || m.hasPoll() || m.hasDice() || m.hasPaidMedia() || m.hasStory();
    }
}
