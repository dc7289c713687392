package luohu.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds durations (半年, 大半年, 一年半, 两年多, 两年出头, 十来年, 一年零两个月, 8个月, 1.5年), ages (58岁, 我今年六十二了)
 * and calendar years (2019年) in normalised text. One pass over the text: every numeral run is read once and what
 * follows it is matched within a few characters, so the cost is linear in the length of the text.
 * Impossible values (negative, longer than a lifetime, ages over 150) are returned with their problem set.
 */
public final class QuantityFinder {
    /** What may follow a number: 个, 多/来, 半, the unit, 半, 多/出头/来/左右. Matched on a bounded region. */
    private static final Pattern SUFFIX = Pattern.compile("(个)?(多|来)?(半)?(年|个月|月|周岁|岁)(半)?(多|出头|来|左右)?");
    /** An age a thing happened at is not the age now ("二十岁出来到新疆"). */
    private static final Pattern PAST_AGE = Pattern.compile("(?:出来|的时候|时|那年|那会)");
    private static final String[] UNDER = {"不到", "不满", "没满", "未满", "还不到", "将近", "接近", "快"};
    private static final String[] BARE_AGE_BEFORE = {"今年", "都", "已经", "才", "我", "她", "他", "俺", "刚满", "满", "快", "虚岁", "周岁"};
    private static final int SUFFIX_SPAN = 8;
    /** Words after which a number is an age however the message goes on. */
    private static final String[] STRONG_AGE_BEFORE = {"今年", "虚岁", "周岁", "刚满"};
    /** What after a number makes it a count of something else ("今年三月", "今年两万块"). */
    private static final String UNIT_AFTER = "年月个号日天周块元万千百次点分平米亩层套间口人级届岁多来几余.0123456789零〇一二两三四五六七八九十";

    private QuantityFinder() {
    }

    public static List<Quantity> find(String text) {
        List<Quantity> out = new ArrayList<>();
        int n = text.length();
        Matcher suffix = SUFFIX.matcher(text);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '半') {
                i = half(text, i, out);
                continue;
            }
            // "俩月", "仨年": 俩 and 仨 are two and three with 个 in them
            if ((c == '俩' || c == '仨') && i + 1 < n && (text.charAt(i + 1) == '月' || text.charAt(i + 1) == '年')) {
                double v = c == '俩' ? 2 : 3;
                out.add(duration(i, i + 2, text.charAt(i + 1) == '年' ? v * 12 : v, false));
                i += 2;
                continue;
            }
            boolean arabic = c >= '0' && c <= '9';
            if (!arabic && !ChineseNumerals.numeralChar(c)) {
                i++;
                continue;
            }
            int j = runEnd(text, i, arabic);
            Double value = ChineseNumerals.parse(text.substring(i, j));
            // "两三年", "七八个月": a range is read at its lower end
            if (value == null && !arabic && j - i == 2 && ChineseNumerals.digit(text.charAt(i)) > 0
                    && ChineseNumerals.digit(text.charAt(i + 1)) == ChineseNumerals.digit(text.charAt(i)) + 1) {
                value = (double) ChineseNumerals.digit(text.charAt(i));
            }
            if (value == null) {
                i = j;
                continue;
            }
            // "七十有二", "三十有五": tens and units joined by 有, as older people say an age or a count
            if (!arabic && text.charAt(j - 1) == '十' && j + 1 < n && text.charAt(j) == '有' && ChineseNumerals.digit(text.charAt(j + 1)) > 0
                    && (j + 2 >= n || !ChineseNumerals.numeralChar(text.charAt(j + 2)))) {
                value += ChineseNumerals.digit(text.charAt(j + 1));
                j += 2;
            }
            suffix.region(j, Math.min(n, j + SUFFIX_SPAN));
            if (!suffix.lookingAt()) {
                bareAge(text, i, j, value, out);
                i = j;
                continue;
            }
            int end = suffix.end();
            String unit = suffix.group(4);
            // "一年半载": an idiom for some while, no time said
            if (unit.equals("年") && end < n && text.charAt(end) == '载') {
                i = end + 1;
                continue;
            }
            boolean half = suffix.group(3) != null || suffix.group(5) != null;
            boolean more = suffix.group(2) != null || suffix.group(6) != null;
            boolean under = under(text, i);
            boolean negative = i > 0 && "-−负".indexOf(text.charAt(i - 1)) >= 0;
            int start = negative ? i - 1 : i;
            if (unit.endsWith("岁")) {
                if (PAST_AGE.matcher(text).region(end, Math.min(n, end + 3)).lookingAt()) {
                    i = end;
                    continue;
                }
                String problem = negative ? Quantity.NEGATIVE : value > Quantity.MAX_AGE ? Quantity.AGE_OVER_150 : null;
                // "快六十岁", "不到六十岁": not yet that age, so a year less, as a duration not yet reached is a month less
                int age = (int) Math.min(Integer.MAX_VALUE, value) - (under && value >= 1 ? 1 : 0);
                out.add(new Quantity(start, end, 0, age, null, problem));
            } else if (unit.equals("年") && arabic && value >= 1900 && value <= 2100 && !more && !half && value == Math.floor(value)) {
                out.add(new Quantity(start, end, 0, null, value.intValue()));
            } else if (unit.equals("年") && !more && !half && yearOfTheCentury(text, i, j)) {
                // "09年毕业的", "零九年那会儿": a year of this century typed short, a date, not nine years
                out.add(new Quantity(start, end, 0, null, 2000 + value.intValue()));
            } else if (unit.equals("月") && suffix.group(1) == null) {
                // "8月" is a month of the year; durations say 8个月
            } else {
                double months = unit.equals("年") ? value * 12 + (half ? 6 : 0) : value + (half ? 0.5 : 0);
                if (unit.equals("年") && !half && suffix.group(5) == null) {
                    int[] joined = joinedMonths(text, end);
                    if (joined != null) {
                        months += joined[0];
                        end = joined[1];
                    }
                }
                // "差俩月满一年", "没满一年 差两个月": short of X by N months is X less N
                int shortBy = shortBy(text, start, end);
                if (shortBy > 0 && shortBy < months) months -= shortBy;
                else if (under) months = Math.max(0, months - 1);
                out.add(duration(start, end, months, negative));
            }
            i = end;
        }
        out.sort(java.util.Comparator.comparingInt(Quantity::start));
        return out;
    }

    /** Two digits opening with a zero ("09", "零九", "〇八"): a year of this century, as no count of years is typed so. */
    private static boolean yearOfTheCentury(String text, int from, int to) {
        return to - from == 2 && "0零〇".indexOf(text.charAt(from)) >= 0;
    }

    private static Quantity duration(int start, int end, double months, boolean negative) {
        String problem = negative ? Quantity.NEGATIVE : months > Quantity.MAX_MONTHS ? Quantity.BEYOND_LIFETIME : null;
        return new Quantity(start, end, problem == null ? months : 0, null, null, problem);
    }

    /** 半年, 半个月, 大半年, 小半年, 不到半年; returns where to go on. */
    private static int half(String text, int i, List<Quantity> out) {
        int end;
        double months;
        if (text.startsWith("半年", i)) {
            end = i + 2;
            months = 6;
        } else if (text.startsWith("半个月", i)) {
            end = i + 3;
            months = 0.5;
        } else {
            return i + 1;
        }
        int start = i;
        if (i > 0 && text.charAt(i - 1) == '大') {
            months = 8;
            start = i - 1;
        } else if (i > 0 && text.charAt(i - 1) == '小' && months == 6) {
            months = 5;
            start = i - 1;
        } else if (under(text, i)) {
            months = Math.max(0, months - 1);
        }
        if (text.startsWith("多", end)) end++;
        out.add(new Quantity(start, end, months, null, null));
        return end;
    }

    private static int runEnd(String text, int i, boolean arabic) {
        int j = i;
        int n = text.length();
        if (arabic) {
            while (j < n && (Character.isDigit(text.charAt(j)) && text.charAt(j) < 128
                    || text.charAt(j) == '.' && j + 1 < n && text.charAt(j + 1) >= '0' && text.charAt(j + 1) <= '9')) j++;
        } else {
            while (j < n && ChineseNumerals.numeralChar(text.charAt(j))) j++;
        }
        return j;
    }

    private static final Pattern SHORT_BEFORE = Pattern.compile("差([0-9一二两俩仨三四五六七八九十]{1,3})个?(?:多)?月(?:就)?(?:满|到|够)$");
    private static final Pattern SHORT_AFTER = Pattern.compile("^[ ,]?(?:还)?差([0-9一二两俩仨三四五六七八九十]{1,3})个?月");

    /** Months a duration is said to be short by: "差俩月满一年" before it, "没满一年 差两个月" after it; 0 when none. */
    private static int shortBy(String text, int start, int end) {
        Matcher m = SHORT_BEFORE.matcher(text.substring(Math.max(0, start - 8), start));
        if (!m.find()) {
            if (!under(text, start)) return 0;
            m = SHORT_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 8)));
            if (!m.find()) return 0;
        }
        String n = m.group(1).replace("俩", "两").replace("仨", "三");
        Double v = n.chars().allMatch(Character::isDigit) ? Double.valueOf(n) : ChineseNumerals.parse(n);
        return v == null ? 0 : v.intValue();
    }

    private static boolean under(String text, int i) {
        for (String u : UNDER) if (i >= u.length() && text.startsWith(u, i - u.length())) return true;
        return false;
    }

    /** The months after "N年": "零三个月", "又两个月", "3个月"; [months, end] or null. */
    private static int[] joinedMonths(String text, int at) {
        int i = at;
        if (i < text.length() && (text.charAt(i) == '零' || text.charAt(i) == '又')) i++;
        if (i >= text.length()) return null;
        char c = text.charAt(i);
        boolean arabic = c >= '0' && c <= '9';
        if (!arabic && !ChineseNumerals.numeralChar(c)) return null;
        int j = runEnd(text, i, arabic);
        Double mo = ChineseNumerals.parse(text.substring(i, j));
        if (mo == null || mo >= 12) return null;
        for (String unit : new String[]{"个多月", "个月"}) {
            if (text.startsWith(unit, j)) return new int[]{mo.intValue(), j + unit.length()};
        }
        return null;
    }

    /** An age said without 岁 ("我今年六十二了", "我都三十了", "她二十六了", "才十五"). */
    private static void bareAge(String text, int start, int end, double value, List<Quantity> out) {
        boolean before = false;
        for (String w : BARE_AGE_BEFORE) if (start >= w.length() && text.startsWith(w, start - w.length())) before = true;
        // "我今年三十五本科", "我妈今年七十五在老家": after 今年 a number is an age whatever follows, unless a unit does
        boolean strong = false;
        for (String w : STRONG_AGE_BEFORE) if (start >= w.length() && text.startsWith(w, start - w.length())) strong = true;
        boolean after = strong && end < text.length() && UNIT_AFTER.indexOf(text.charAt(end)) < 0 || end == text.length() || text.startsWith("了", end) || text.startsWith(",", end) || text.startsWith("多了", end)
                || text.startsWith(" ", end) || text.startsWith("出头", end) || text.startsWith("没", end) || text.startsWith("整", end)
                || text.startsWith("多 ", end) || text.startsWith("多,", end) || end + 1 == text.length() && text.startsWith("多", end);
        // "我外婆八十五了", "我孙子十九了", "我妈 六十", "我妈，六十，", "我婆婆七十多", "我女儿十七 初中毕业": a person named
        // right before a number that ends its statement (了, 多, 出头, 整, a typed space or comma, the end) is their age
        int named = start > 1 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == ',') ? start - 2 : start - 1;
        // a number right after a verb's 了, 过 or 着 is what the verb measured ("社保交了36", "住了二十"), not an age
        boolean personBefore = named >= 0 && Character.UnicodeScript.of(text.charAt(named)) == Character.UnicodeScript.HAN
                && !ChineseNumerals.numeralChar(text.charAt(named)) && "了过着".indexOf(text.charAt(named)) < 0
                && AGED.matcher(text).region(end, text.length()).lookingAt();
        // "六十了", "七十整": an age said alone
        if (start == 0 && value >= 16 && ALONE.matcher(text).region(end, text.length()).lookingAt()) before = true;
        if (!before && !personBefore) return;
        if (!after || value < (before ? 10 : 16) || value > 120 || value != Math.floor(value)) return;
        out.add(new Quantity(start, end, 0, (int) value - (under(text, start) ? 1 : 0), null));
    }

    /** What ends a bare age after a person's name: 了, 多了, 出头. */
    private static final Pattern AGED = Pattern.compile("(?:了|多了|出头|整|多(?=[ ,]|$)|(?=[ ,]|$))(?![0-9零〇一二两三四五六七八九十百])");
    /** What ends an age said alone, at the start of a message: 了, 多了, 出头, 整. */
    private static final Pattern ALONE = Pattern.compile("(?:了|多了|出头|整)(?![0-9零〇一二两三四五六七八九十百])");
}
