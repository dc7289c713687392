package luohu.policy;

import java.util.List;

/**
 * One pathway assessed against the applicant's facts.
 *
 * @param failures      for NOT_ELIGIBLE: the conditions not met (with clause and gap)
 * @param missing       for UNDETERMINED: the facts whose values would decide it, in the order they matter
 * @param placeUnknown  for UNDETERMINED: the pathway holds only in some places of the document, and the
 *                      applicant's place is the whole document area (e.g. 新疆 rather than 和田)
 * @param registration  the registration entries that apply (or may apply) to these facts
 * @param met           the conditions the facts already meet, whatever the status
 */
public record PathwayOutcome(Pathway pathway, Status status, List<Failure> failures, List<String> missing,
                             boolean placeUnknown, List<Registration> registration, List<Condition.Leaf> met) {
    public PathwayOutcome {
        met = List.copyOf(met);
        failures = List.copyOf(failures);
        missing = List.copyOf(missing);
        registration = List.copyOf(registration);
    }
}
