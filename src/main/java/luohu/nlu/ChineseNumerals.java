package luohu.nlu;

/**
 * Reads numbers written in Chinese numerals or Arabic digits: 三, 十二, 两, 二十五, 一百, 三千二, 一万, 1.5, 18.
 * Linear in the length of the text; a malformed numeral (十十, 百千) is no number.
 */
public final class ChineseNumerals {
    private ChineseNumerals() {
    }

    /**
     * With the financial forms people also type (叁年, 贰佰); not 伍 and 拾, which are far more often the ends of 退伍,
     * 入伍 and the start of 拾荒 than numbers ("退伍三年" is three years, not "5–3").
     */
    public static final String DIGITS = "零〇一二两三四五六七八九十百千万壹贰叁肆陆柒捌玖佰仟";

    /** The value, or null when the text is not a number. Very long digit strings read as infinity. */
    public static Double parse(String s) {
        if (s == null || s.isEmpty()) return null;
        if (isArabic(s)) {
            int dot = s.indexOf('.');
            int whole = dot < 0 ? s.length() : dot;
            if (whole > 15) return Double.POSITIVE_INFINITY; // beyond any count of months or years: do not round
            return Double.parseDouble(s);
        }
        long total = 0, section = 0;
        int digit = -1;
        int lastUnit = Integer.MAX_VALUE; // units inside a section must fall: 三千二百一十
        boolean sawWan = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                if (digit > 0) return null; // 二三: two digits in a row are no numeral
                digit = d;
                continue;
            }
            if (c == '万') {
                if (sawWan) return null;
                section += Math.max(digit, 0);
                if (section == 0) section = 1;
                total = section * 10_000;
                section = 0;
                digit = -1;
                lastUnit = Integer.MAX_VALUE;
                sawWan = true;
                continue;
            }
            int unit = switch (c) {
                case '十' -> 10;
                case '百', '佰' -> 100;
                case '千', '仟' -> 1000;
                default -> -1;
            };
            if (unit < 0 || unit >= lastUnit) return null;
            section += (digit < 0 ? 1 : digit) * unit;
            lastUnit = unit;
            digit = -1;
        }
        if (digit >= 0) section += digit;
        return (double) (total + section);
    }

    private static boolean isArabic(String s) {
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (++dots > 1 || i == 0 || i == s.length() - 1) return false;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一', '壹' -> 1;
            case '二', '两', '贰' -> 2;
            case '三', '叁' -> 3;
            case '四', '肆' -> 4;
            case '五' -> 5;
            case '六', '陆' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    static boolean numeralChar(char c) {
        return DIGITS.indexOf(c) >= 0;
    }
}
