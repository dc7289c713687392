package luohu.nlu;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message that puts itself right as it goes ("住了两年不对是两年半", "户口在赤峰不对是通辽", "送快递不对是送外卖") is
 * read as said right: the words put right and the correction give way to the right ones ("住了两年半", "户口在通辽",
 * "送外卖"), so that no reading takes the wrong value or reads the correction as one of an earlier message.
 */
final class SelfCorrection {
    /** A correction: a word saying what came before was wrong, then 是 (或 是在) and what is right. */
    private static final Pattern MARK = Pattern.compile("[哦噢啊嗯]?(?:不对不对|不对|说错了|打错了|记错了|写错了|搞错了|错了)[ ,，]?(?:应该)?是(在)?");
    /** What may stand between the wrong words and the correction ("两年了 哈哈打错了"). */
    private static final String BETWEEN = "了啊呀哦哈吧 ,，";
    /** How far back the wrong words of the same kind may start. */
    private static final int BACK = 6;

    private final Predicate<String> place;

    SelfCorrection(Predicate<String> place) {
        this.place = place;
    }

    /** The text with each correction made; the text itself when it corrects nothing it can place. */
    String corrected(String text) {
        Matcher m = MARK.matcher(text);
        int from = 0;
        while (m.find(from)) {
            int start = skipBack(text, m.start());
            int right = m.end();
            int wrong = wrongStart(text, start, right, m.group(1) != null, apart(text, start, m.start()));
            if (wrong < 0) {
                from = m.end();
                continue;
            }
            // "在阿勒泰不对是在塔城": the 在 of the correction stands for the one before the wrong place
            String keep = m.group(1) != null && wrong > 0 && text.charAt(wrong - 1) == '在' ? "" : m.group(1) == null ? "" : "在";
            text = text.substring(0, wrong) + keep + text.substring(right);
            m = MARK.matcher(text);
            from = wrong;
        }
        return text;
    }

    /** Where the wrong words start: a duration, a place, or words opening as the right ones do; -1 when none is seen. */
    private int wrongStart(String text, int end, int right, boolean at, boolean apart) {
        if (end <= 0 || right >= text.length()) return -1;
        // "两年不对是两年半": a quantity put right by a quantity
        List<Quantity> qs = QuantityFinder.find(text);
        Quantity before = null, after = null;
        for (Quantity q : qs) {
            if (q.end() == end) before = q;
            if (q.start() == right) after = q;
        }
        if (before != null && after != null) return before.start();
        // "户口在赤峰不对是通辽": a place put right by a place
        if (placeAt(text, right) > 0) {
            for (int len = Math.min(end, 8); len >= 2; len--) if (place.test(text.substring(end - len, end))) return end - len;
            return -1;
        }
        if (at) return -1;
        // "送快递不对是送外卖", "开饭店不对是开超市": words that open as the right ones do
        char first = text.charAt(right);
        if (!Normalizer.isHan(first)) return -1;
        for (int k = end - 2; k >= Math.max(0, end - BACK); k--) {
            if (text.charAt(k) == first && k + 1 < end) return k;
            if (!Normalizer.isHan(text.charAt(k))) break;
        }
        // "事业编，哦不对，是公务员": a short piece typed on its own before the correction is what it puts right
        if (apart) {
            int k = end;
            while (k > 0 && Normalizer.isHan(text.charAt(k - 1))) k--;
            boolean ownPiece = k == 0 || PIECE_ENDS.indexOf(text.charAt(k - 1)) >= 0;
            if (ownPiece && end - k >= 2 && end - k <= BACK) return k;
        }
        return -1;
    }

    /** Whether a typed pause stands between the wrong words and the correction ("事业编，哦不对"). */
    private static boolean apart(String text, int from, int to) {
        for (int k = from; k < to; k++) if (PIECE_ENDS.indexOf(text.charAt(k)) >= 0) return true;
        return false;
    }

    /** Marks that end a piece typed on its own. */
    private static final String PIECE_ENDS = " ,，、;；";

    /** The length of the longest place's name at the offset, or 0. */
    private int placeAt(String text, int at) {
        for (int len = Math.min(8, text.length() - at); len >= 2; len--) if (place.test(text.substring(at, at + len))) return len;
        return 0;
    }

    private static int skipBack(String text, int at) {
        int k = at;
        while (k > 0 && BETWEEN.indexOf(text.charAt(k - 1)) >= 0) k--;
        return k;
    }
}
