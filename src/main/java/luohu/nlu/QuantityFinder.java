package luohu.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds durations (半年, 一年半, 两年多, 8个月, 1.5年), ages (58岁) and calendar years (2019年) in normalised text. */
public final class QuantityFinder {
    private static final String NUM = "(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+)";
    private static final Pattern QUANTITY = Pattern.compile(
            "(不到|不满|没满|未满)?(?:" + NUM + "(个)?(多)?(半)?(年|个月|月|周岁|岁)(半)?(多)?|(半)(年|个月))");
    private static final Pattern YEARS_AND_MONTHS = Pattern.compile(NUM + "年零?" + NUM + "个月");
    /** An age said without 岁 ("我今年六十二了", "我都三十了", "她二十六了", "才十五"). */
    private static final Pattern BARE_AGE = Pattern.compile(
            "(?:今年|都|已经|才|我|她|他)" + NUM + "(?=了|,|$|多了)");
    /** An age a thing happened at is not the age now ("二十岁出来到新疆"). */
    private static final Pattern PAST_AGE = Pattern.compile("(?:出来|的时候|时|那年|那会)");

    private QuantityFinder() {
    }

    public static List<Quantity> find(String text) {
        List<Quantity> out = new ArrayList<>();
        Matcher m = QUANTITY.matcher(text);
        while (m.find()) {
            boolean under = m.group(1) != null;
            if (m.group(9) != null) { // 半年, 半个月
                double months = m.group(10).equals("年") ? 6 : 0.5;
                out.add(new Quantity(m.start(), m.end(), under ? Math.max(0, months - 1) : months, null, null));
                continue;
            }
            Double n = ChineseNumerals.parse(m.group(2));
            if (n == null) continue;
            String unit = m.group(6);
            boolean half = m.group(5) != null || m.group(7) != null;
            if (unit.endsWith("岁")) {
                if (PAST_AGE.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 3))).lookingAt()) continue;
                out.add(new Quantity(m.start(), m.end(), 0, n.intValue(), null));
            } else if (unit.equals("年") && n >= 1900 && n <= 2100 && m.group(4) == null && !half) {
                out.add(new Quantity(m.start(), m.end(), 0, null, n.intValue()));
            } else if (unit.equals("年")) {
                double months = n * 12 + (half ? 6 : 0);
                out.add(new Quantity(m.start(), m.end(), under ? Math.max(0, months - 1) : months, null, null));
            } else {
                double months = n + (half ? 0.5 : 0);
                if (m.group(3) == null && unit.equals("月")) continue; // "8月" is a month of the year; durations say 8个月
                out.add(new Quantity(m.start(), m.end(), under ? Math.max(0, months - 1) : months, null, null));
            }
        }
        // "一年零三个月": the months join the years before them
        Matcher z = YEARS_AND_MONTHS.matcher(text);
        while (z.find()) {
            Double y = ChineseNumerals.parse(z.group(1)), mo = ChineseNumerals.parse(z.group(2));
            if (y == null || mo == null) continue;
            out.removeIf(q -> q.start() >= z.start() && q.start() < z.end());
            out.add(new Quantity(z.start(), z.end(), y * 12 + mo, null, null));
        }
        Matcher b = BARE_AGE.matcher(text);
        while (b.find()) {
            Double n = ChineseNumerals.parse(b.group(1));
            if (n == null || n < 10 || n > 120 || n != Math.floor(n)) continue;
            int start = b.start(1);
            if (out.stream().anyMatch(q -> q.start() <= start && start < q.end())) continue;
            out.add(new Quantity(start, b.end(), 0, n.intValue(), null));
        }
        out.sort(java.util.Comparator.comparingInt(Quantity::start));
        return out;
    }
}
