package luohu.nlu;

import java.text.Normalizer.Form;

/**
 * Puts a message into one canonical form before anything reads it: simplified characters, half-width letters,
 * digits and punctuation, no emoji or control characters, no stray whitespace, lower-case Latin letters.
 */
public final class Normalizer {
    /** Longer input is cut here: no settlement question needs more, and cost stays bounded. */
    public static final int MAX_CHARS = 4000;

    private Normalizer() {
    }

    public static String normalise(String text) {
        return normalise(text, false);
    }

    /**
     * The same, except that one space typed between Chinese words is kept: people type "户口在江苏 在聊城工作" for
     * "户口在江苏，在聊城工作", so the understanding reads such a space as the end of a clause.
     */
    public static String normaliseKeepingSpaces(String text) {
        return normalise(text, true);
    }

    /** Both forms of one message, {@link #normalise} and {@link #normaliseKeepingSpaces}, cleaned once. */
    public record Forms(String plain, String spaced) {
    }

    public static Forms forms(String text) {
        String s = cleaned(text);
        String plain = collapseSpaces(s, false).toLowerCase(java.util.Locale.ROOT);
        // "户口 在 巴林右旗 农村 想 投靠…": typed word by word, a space parts words, not clauses
        return new Forms(plain, wordByWord(s) ? plain : collapseSpaces(s, true).toLowerCase(java.util.Locale.ROOT));
    }

    /** Most words of the message typed apart: five or more runs between spaces, of two and a half characters or fewer on average. */
    static boolean wordByWord(String s) {
        int runs = 0, chars = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') continue;
            if (i == 0 || s.charAt(i - 1) == ' ') runs++;
            chars++;
        }
        return runs >= 5 && chars <= 2.5 * runs;
    }

    private static String normalise(String text, boolean keepSpaces) {
        return collapseSpaces(cleaned(text), keepSpaces).toLowerCase(java.util.Locale.ROOT);
    }

    /** Cut, NFKC, kept characters only, simplified: what both forms share. */
    private static String cleaned(String text) {
        if (text == null) return "";
        String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        s = java.text.Normalizer.normalize(s, Form.NFKC);
        // a multiplication sign typed after a word is a cross ("税务登记×"); between numbers it multiplies
        if (s.indexOf('\u00D7') >= 0) s = TIMES_AS_CROSS.matcher(s).replaceAll("\u2718");
        StringBuilder clean = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) clean.append(' ');
            // a tick or a cross typed after a word says yes or no to it ("营业执照✔ 税务登记✘")
            else if (TICKS.indexOf(cp) >= 0) clean.append('有');
            else if (CROSSES.indexOf(cp) >= 0) clean.append("没有");
            else if (keep(cp)) clean.appendCodePoint(cp);
        });
        return Simplifier.simplified(clean.toString());
    }

    private static final java.util.regex.Pattern TIMES_AS_CROSS = java.util.regex.Pattern.compile("(?<![0-9] ?)\u00D7|\u00D7(?! ?[0-9])");
    private static final String TICKS = "\u2714\u2713\u2705\u2611";
    private static final String CROSSES = "\u2718\u2717\u274C\u274E\u2715\u2716";

    /** Letters, digits, punctuation and CJK stay; emoji, symbols, control and format characters go. */
    private static boolean keep(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.OTHER_SYMBOL
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return false;
        }
        return cp < 0x1F000; // pictographs and emoji planes
    }

    /** Spaces between Chinese characters carry no meaning; elsewhere one space is kept. */
    private static String collapseSpaces(String s, boolean keepSpaces) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ') {
                out.append(c);
                continue;
            }
            if (out.length() == 0 || out.charAt(out.length() - 1) == ' ') continue;
            int j = i;
            while (j < s.length() && s.charAt(j) == ' ') j++;
            if (j >= s.length()) break;
            boolean han = isHan(out.charAt(out.length() - 1)) || isHan(s.charAt(j));
            if (han && !keepSpaces || !han && (!Character.isLetterOrDigit(out.charAt(out.length() - 1))
                    || !Character.isLetterOrDigit(s.charAt(j)))) {
                continue;
            }
            out.append(' ');
        }
        return out.toString();
    }

    /** The text without punctuation or whitespace (as {@code [\p{P}\s]} removes them), for comparing short replies. */
    public static String bare(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean drop = isPunctuation(c) || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (drop && out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            else if (!drop && out != null) out.append(c);
        }
        return out == null ? text : out.toString();
    }

    private static boolean isPunctuation(char c) {
        int t = Character.getType(c);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION || t == Character.START_PUNCTUATION
                || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION || t == Character.OTHER_PUNCTUATION;
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
