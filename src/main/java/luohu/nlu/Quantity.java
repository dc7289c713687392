package luohu.nlu;

/**
 * A length of time, an age or a calendar year found in a message.
 *
 * @param months the duration in months (ages and calendar years: 0)
 * @param age    an age in years, or null
 * @param year   a calendar year ("2019年毕业"), or null
 * @param start  index of the first character in the normalised text
 */
public record Quantity(int start, int end, double months, Integer age, Integer year) {
    public boolean duration() {
        return age == null && year == null;
    }
}
