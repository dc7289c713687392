package luohu.channel.telegram;

/** Text for Telegram's HTML parse mode: only {@code < > &} need escaping there, and all three always are. */
public final class HtmlEscaper {
    private HtmlEscaper() {
    }

    /** The text with every {@code &}, {@code <} and {@code >} replaced by its entity, so nothing is read as markup. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
