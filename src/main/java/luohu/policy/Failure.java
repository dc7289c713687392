package luohu.policy;

/**
 * A condition the applicant's facts do not meet.
 *
 * @param actual the applicant's value of the fact
 * @param gap    for a number short of a minimum, how much is missing (months or years, as the fact); for one
 *               over a maximum, by how much it is over; else null
 */
public record Failure(Condition.Leaf condition, Object actual, Double gap) {
}
