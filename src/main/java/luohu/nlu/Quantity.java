package luohu.nlu;

/**
 * A length of time, an age or a calendar year found in a message.
 *
 * @param months  the duration in months (ages and calendar years: 0)
 * @param age     an age in years, or null
 * @param year    a calendar year ("2019年毕业"), or null
 * @param start   index of the first character in the normalised text
 * @param problem why the value cannot be true and is not to be stored ({@link #NEGATIVE}, {@link #BEYOND_LIFETIME},
 *                {@link #AGE_OVER_150}), or null
 */
public record Quantity(int start, int end, double months, Integer age, Integer year, String problem) {
    /** A duration or age written with a minus sign ("-5个月"). */
    public static final String NEGATIVE = "negative";
    /** A duration longer than a lifetime (over 100 years, or longer than the age the message states). */
    public static final String BEYOND_LIFETIME = "beyond_lifetime";
    /** An age over 150. */
    public static final String AGE_OVER_150 = "age_over_150";
    /** Durations above this many months cannot be true of anyone. */
    public static final int MAX_MONTHS = 1200;
    public static final int MAX_AGE = 150;

    public Quantity(int start, int end, double months, Integer age, Integer year) {
        this(start, end, months, age, year, null);
    }

    public boolean duration() {
        return age == null && year == null;
    }

    public boolean usable() {
        return problem == null;
    }
}
