package luohu.channel.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an answer into messages Telegram accepts (at most {@value #TELEGRAM_LIMIT} characters each), in order.
 * Cuts at paragraph boundaries (blank lines) where it can, then at line ends, then after sentence punctuation, and
 * only as a last resort inside a sentence (never inside a surrogate pair). Splitting happens on the plain text,
 * before HTML escaping: Telegram counts the length after entities are parsed.
 */
public final class MessageSplitter {
    /** Telegram's limit on a message's text, in characters after entity parsing. */
    public static final int TELEGRAM_LIMIT = 4096;
    private static final String[] PARAGRAPH_AND_LINE = {"\n\n", "\n"};
    private static final String[] SENTENCE_ENDS = {"。", "！", "？", "；", ".", "!", "?", ";", "，", ",", " "};

    private MessageSplitter() {
    }

    /** The text cut into pieces of at most {@link #TELEGRAM_LIMIT} characters; none for blank text. */
    public static List<String> split(String text) {
        return split(text, TELEGRAM_LIMIT);
    }

    /** The text cut into stripped, non-blank pieces of at most {@code limit} characters, in their original order. */
    public static List<String> split(String text, int limit) {
        if (limit < 2) throw new IllegalArgumentException("limit must be at least 2, got " + limit);
        List<String> out = new ArrayList<>();
        if (text != null) pack(text.strip(), limit, 0, out);
        return out;
    }

    private static void pack(String text, int limit, int level, List<String> out) {
        if (text.length() <= limit) {
            add(out, text);
            return;
        }
        if (level < PARAGRAPH_AND_LINE.length) {
            String sep = PARAGRAPH_AND_LINE[level];
            packPieces(List.of(text.split(java.util.regex.Pattern.quote(sep), -1)), sep, limit, level, out);
        } else if (level == PARAGRAPH_AND_LINE.length) {
            packPieces(sentences(text), "", limit, level, out);
        } else {
            hardSplit(text, limit, out);
        }
    }

    /** Greedily joins pieces into chunks that fit; a piece too long by itself is split one level finer. */
    private static void packPieces(List<String> pieces, String joiner, int limit, int level, List<String> out) {
        StringBuilder cur = new StringBuilder();
        for (String piece : pieces) {
            if (piece.length() > limit) {
                add(out, cur.toString());
                cur.setLength(0);
                pack(piece, limit, level + 1, out);
                continue;
            }
            int joined = cur.length() == 0 ? piece.length() : cur.length() + joiner.length() + piece.length();
            if (joined > limit) {
                add(out, cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) cur.append(joiner);
            cur.append(piece);
        }
        add(out, cur.toString());
    }

    /** The text cut after every sentence-ending mark, the mark staying with its sentence. */
    private static List<String> sentences(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            for (String end : SENTENCE_ENDS) {
                if (text.startsWith(end, i)) {
                    pieces.add(text.substring(start, i + end.length()));
                    start = i + end.length();
                    break;
                }
            }
        }
        if (start < text.length()) pieces.add(text.substring(start));
        return pieces;
    }

    private static void hardSplit(String text, int limit, List<String> out) {
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + limit);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
            add(out, text.substring(i, end));
            i = end;
        }
    }

    private static void add(List<String> out, String chunk) {
        String s = chunk.strip();
        if (!s.isEmpty()) out.add(s);
    }
}
