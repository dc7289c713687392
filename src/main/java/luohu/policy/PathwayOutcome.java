package luohu.policy;

import java.util.ArrayList;
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
 * @param unclear       for UNDETERMINED: the passages open to two readings on which the outcome turns, each as the
 *                      document's words ({@code text}), its clause and what the citizen is told ({@code reading});
 *                      empty otherwise. An outcome undetermined only by these has no missing facts: no answer of the
 *                      applicant decides it, the local police do
 */
public record PathwayOutcome(Pathway pathway, Status status, List<Failure> failures, List<String> missing,
                             boolean placeUnknown, List<Registration> registration, List<Condition.Leaf> met,
                             List<Cited> unclear) {
    public PathwayOutcome {
        met = List.copyOf(met);
        failures = List.copyOf(failures);
        missing = List.copyOf(missing);
        registration = List.copyOf(registration);
        unclear = List.copyOf(unclear);
    }

    public PathwayOutcome(Pathway pathway, Status status, List<Failure> failures, List<String> missing,
                          boolean placeUnknown, List<Registration> registration, List<Condition.Leaf> met) {
        this(pathway, status, failures, missing, placeUnknown, registration, met, List.of());
    }

    /**
     * Every reading the citizen is told with this outcome: the passages it turns on ({@link #unclear()}) and the
     * pathway's notes marked {@code tell} (the broader reading taken). Empty for NOT_ELIGIBLE and NOT_APPLICABLE.
     */
    public List<Cited> readings() {
        if (status == Status.NOT_ELIGIBLE || status == Status.NOT_APPLICABLE) return List.of();
        List<Cited> out = new ArrayList<>(unclear);
        for (Cited n : pathway.toldReadings()) if (!out.contains(n)) out.add(n);
        return out;
    }

    /** Cheap and consistent with equals (see {@link Pathway#hashCode}). */
    @Override
    public int hashCode() {
        return pathway.hashCode() * 31 + status.ordinal();
    }
}
