package luohu.channel.telegram;

import luohu.answer.Prompts;

import java.util.List;

/** The texts the Telegram bot says of its own, from dialogs/prompts.yaml (keys {@code telegram_*}). */
public final class BotTexts {
    static final List<String> KEYS = List.of("telegram_text_only", "telegram_error", "telegram_group_hint",
            "telegram_unknown_command", "telegram_button_expired", "telegram_command_start", "telegram_command_help",
            "telegram_command_reset", "telegram_command_forget", "telegram_command_summary");
    private final Prompts prompts;

    /** Fails at once, naming the missing key, when the prompts lack one of the bot's texts. */
    public BotTexts(Prompts prompts) {
        for (String k : KEYS) {
            if (!prompts.has(k)) {
                throw new IllegalArgumentException("dialogs/prompts.yaml has no prompt " + k + " (the Telegram bot needs it)");
            }
        }
        this.prompts = prompts;
    }

    public String textOnly() {
        return prompts.say("telegram_text_only");
    }

    public String error() {
        return prompts.say("telegram_error");
    }

    public String groupHint(String botUsername) {
        return prompts.say("telegram_group_hint", "bot", botUsername);
    }

    public String unknownCommand() {
        return prompts.say("telegram_unknown_command");
    }

    public String buttonExpired() {
        return prompts.say("telegram_button_expired");
    }

    /** The description of a command for setMyCommands (start, help, reset, forget). */
    public String commandDescription(String command) {
        return prompts.say("telegram_command_" + command);
    }
}
