package luohu.channel.telegram;

/** Who the bot is (from getMe): its user id and @username, used to tell whether a group message addresses it. */
public record BotIdentity(long id, String username) {
    public BotIdentity {
        username = username == null ? "" : username;
    }
}
