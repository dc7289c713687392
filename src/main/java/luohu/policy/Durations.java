package luohu.policy;

/** Plain Chinese for months and years. */
public final class Durations {
    private Durations() {
    }

    public static String months(int months) {
        if (months >= 12 && months % 12 == 0) return months / 12 + "年";
        if (months > 12) return months / 12 + "年" + months % 12 + "个月";
        return months + "个月";
    }

    public static String years(double years) {
        if (years == Math.rint(years)) return (long) years + "年";
        return String.format("%.1f年", years);
    }
}
