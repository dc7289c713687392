package luohu.nlu;

/**
 * A value a message states that cannot be true and was not stored: the reply asks again, saying why.
 *
 * @param fact   the fact it was said of (age, residence_months…), or null when no fact could be told
 * @param text   the words as written ("999岁", "-5个月")
 * @param reason {@link Quantity#NEGATIVE}, {@link Quantity#BEYOND_LIFETIME} or {@link Quantity#AGE_OVER_150}
 */
public record Rejected(String fact, String text, String reason) {
}
