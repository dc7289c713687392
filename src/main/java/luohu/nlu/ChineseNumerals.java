package luohu.nlu;

/** Reads numbers written in Chinese numerals or Arabic digits: 三, 十二, 两, 二十五, 一百, 1.5, 18. */
public final class ChineseNumerals {
    private ChineseNumerals() {
    }

    public static final String DIGITS = "零〇一二两三四五六七八九十百千";

    /** The value, or null when the text is not a number. */
    public static Double parse(String s) {
        if (s == null || s.isEmpty()) return null;
        if (s.matches("\\d+(\\.\\d+)?")) return Double.parseDouble(s);
        long total = 0, section = 0;
        int digit = -1;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            int unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> -1;
            };
            if (unit < 0) return null;
            section += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }
        if (digit >= 0) section += digit;
        total += section;
        return (double) total;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
