package luohu.dialog;

import luohu.policy.Assessment;
import luohu.policy.PathwayOutcome;
import luohu.policy.Status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the one next question that matters most. Each undetermined pathway shares its weight among the facts it
 * still waits for, so a pathway one answer away from a decision weighs most; a pathway the applicant's facts already
 * partly meet weighs more (it is what they are talking about). The fact with the most weight is asked.
 * Only facts some pathway is waiting for are ever asked, so no question is wasted on what cannot change the outcome.
 */
public final class Planner {
    private final Questions questions;

    public Planner(Questions questions) {
        this.questions = questions;
    }

    public Optional<String> next(Assessment a, Set<String> declined) {
        Map<String, Double> weight = new HashMap<>();
        for (PathwayOutcome o : a.with(Status.UNDETERMINED)) {
            List<String> open = o.missing().stream().filter(f -> !declined.contains(f) && questions.has(f)).toList();
            // a fact known only in part (没买房: not own) is still open and may be asked
            double w = 1.0 + o.met().size();
            for (String f : open) weight.merge(f, w / open.size(), Double::sum);
        }
        List<String> order = questions.order();
        return weight.entrySet().stream()
                .max((x, y) -> Math.abs(x.getValue() - y.getValue()) < 1e-9
                        ? Integer.compare(order.indexOf(y.getKey()), order.indexOf(x.getKey()))
                        : Double.compare(x.getValue(), y.getValue()))
                .map(Map.Entry::getKey);
    }

    /** Whether some pathway is waiting only for the applicant's specific place within the document's area. */
    public static boolean needsSpecificPlace(Assessment a) {
        return a.with(Status.UNDETERMINED).stream().anyMatch(o -> o.placeUnknown() && o.missing().isEmpty());
    }
}
