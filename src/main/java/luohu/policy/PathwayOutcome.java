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
 */
public record PathwayOutcome(Pathway pathway, Status status, List<Failure> failures, List<String> missing,
                             boolean placeUnknown, List<Registration> registration) {
    public PathwayOutcome {
        failures = List.copyOf(failures);
        missing = List.copyOf(missing);
        registration = List.copyOf(registration);
    }
}
