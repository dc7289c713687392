package luohu.policy;

/**
 * A piece of policy text (a material, a note) with the clause it comes from.
 *
 * @param reading for a note: how the model reads words that are open to more than one reading; else null
 * @param tell    for a note with a reading: the reading is said to the citizen, not only to maintainers. Used where
 *                the text allows two readings and the model takes the broader one: the citizen hears the reading
 *                ("文件此处可有两种理解：…，以当地公安机关解释为准") with the outcome
 * @param family  for a reading told: it is about who may come along, so it is told with answers about them, not with
 *                every answer that the pathway fits
 */
public record Cited(String text, String clause, String reading, boolean tell, boolean family) {
    public Cited(String text, String clause) {
        this(text, clause, null, false, false);
    }

    public Cited(String text, String clause, String reading) {
        this(text, clause, reading, false, false);
    }

    public Cited(String text, String clause, String reading, boolean tell) {
        this(text, clause, reading, tell, false);
    }

    /** Whether this note is for the citizen: a note without a reading, or one whose reading is to be told. */
    public boolean forCitizen() {
        return reading == null || tell;
    }
}
