package luohu.nlu;

import java.util.List;

/** Questions asked of runs of tokens: their text, the words they start or end with, where a character falls. */
final class TokenText {
    private TokenText() {
    }

    /** The text of tokens [first, last], or "" when the run is empty. */
    static String text(List<Token> tokens, int first, int last) {
        if (first > last) return "";
        if (first == last) return tokens.get(first).text();
        int length = 0;
        for (int i = first; i <= last; i++) length += tokens.get(i).text().length();
        StringBuilder sb = new StringBuilder(length); // sized once: clauses are read many times a message
        for (int i = first; i <= last; i++) sb.append(tokens.get(i).text());
        return sb.toString();
    }

    /** Tokens [first, last] end with the word, which starts at a token. */
    static boolean endsWith(List<Token> tokens, int first, int last, String word) {
        // compared in place, token by token from the end: asked of every token for every cue
        int end = word.length();
        for (int i = last; i >= first && end > 0; i--) {
            String t = tokens.get(i).text();
            int start = end - t.length();
            if (start < 0 || !word.regionMatches(start, t, 0, t.length())) return false;
            end = start;
        }
        return end == 0;
    }

    /** Tokens [first, last] start with the word, which ends at a token (a word ending in $: are the word). */
    static boolean startsWith(List<Token> tokens, int first, int last, String word) {
        // "X$": the tokens spell X and nothing more; else they start with the word, ending where a token ends
        boolean whole = word.endsWith("$");
        int length = whole ? word.length() - 1 : word.length();
        int at = 0;
        for (int i = first; i <= last && (whole || at < length); i++) {
            String t = tokens.get(i).text();
            if (at + t.length() > length || !word.regionMatches(at, t, 0, t.length())) return false;
            at += t.length();
        }
        return at == length;
    }

    /** A space was typed right after token [i]. */
    static boolean spacedAfter(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && tokens.get(i + 1).start() > tokens.get(i).end();
    }

    /** The token that holds the character at {@code charPos} of the message, else the last. */
    static int tokenAt(List<Token> tokens, int charPos) {
        for (int i = 0; i < tokens.size(); i++) if (tokens.get(i).end() > charPos) return i;
        return tokens.size() - 1;
    }
}
