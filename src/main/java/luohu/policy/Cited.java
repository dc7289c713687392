package luohu.policy;

/**
 * A piece of policy text (a material, a note) with the clause it comes from.
 *
 * @param reading for a note: how the model reads words that are open to more than one reading; else null
 */
public record Cited(String text, String clause, String reading) {
    public Cited(String text, String clause) {
        this(text, clause, null);
    }
}
