package luohu.policy;

/** A piece of policy text (a material, a note) with the clause it comes from. */
public record Cited(String text, String clause) {
}
