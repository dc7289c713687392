package luohu.channel.telegram;

import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Commands, mentions and replies: how a message addresses the bot (groups need one of them). */
final class Addressing {
    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9_]{1,32}");

    private Addressing() {
    }

    /** A command: its lower-case name, its arguments, and whether it names another bot ({@code /start@other}). */
    record Command(String name, String args, boolean forOtherBot) {
    }

    /** The command a text starts with, if any. */
    static Optional<Command> command(String text, BotIdentity me) {
        if (text == null || !text.startsWith("/")) return Optional.empty();
        String[] parts = text.strip().split("\\s+", 2);
        String name = parts[0].substring(1);
        boolean other = false;
        int at = name.indexOf('@');
        if (at >= 0) {
            other = !name.substring(at + 1).equalsIgnoreCase(me.username());
            name = name.substring(0, at);
        }
        if (!COMMAND_NAME.matcher(name).matches()) return Optional.empty();
        return Optional.of(new Command(name.toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1] : "", other));
    }

    /** Whether a group message addresses the bot: a command, a mention (also in a caption), or a reply to it. */
    static boolean addressesBot(Message m, BotIdentity me) {
        if (m.hasText() && command(m.getText(), me).filter(c -> !c.forOtherBot()).isPresent()) return true;
        if (repliesToBot(m, me)) return true;
        return mentions(m.getText(), m.getEntities(), me) || mentions(m.getCaption(), m.getCaptionEntities(), me);
    }

    static boolean repliesToBot(Message m, BotIdentity me) {
        Message r = m.getReplyToMessage();
        return r != null && r.getFrom() != null && r.getFrom().getId() != null && r.getFrom().getId() == me.id();
    }

    private static boolean mentions(String text, List<MessageEntity> entities, BotIdentity me) {
        if (text == null) return false;
        if (entities != null) {
            for (MessageEntity e : entities) {
                if ("text_mention".equals(e.getType()) && e.getUser() != null && e.getUser().getId() != null
                        && e.getUser().getId() == me.id()) return true;
            }
        }
        return !me.username().isEmpty() && mentionPattern(me).matcher(text).find();
    }

    /** The text without the bot's @username (and the command's @username suffix). */
    static String withoutMention(String text, BotIdentity me) {
        if (me.username().isEmpty()) return text.strip();
        return mentionPattern(me).matcher(text).replaceAll(" ").strip();
    }

    private static Pattern mentionPattern(BotIdentity me) {
        return Pattern.compile("@" + Pattern.quote(me.username()) + "(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE);
    }
}
