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
 * Finds the one next question that matters most: the fact that the most undetermined pathways still depend on.
 * Only facts some pathway is waiting for are ever asked, so no question is wasted on what cannot change the outcome.
 */
public final class Planner {
    private final Questions questions;

    public Planner(Questions questions) {
        this.questions = questions;
    }

    public Optional<String> next(Assessment a, Set<String> declined) {
        Map<String, Integer> weight = new HashMap<>();
        for (PathwayOutcome o : a.with(Status.UNDETERMINED)) {
            for (String f : o.missing()) {
                // a fact known only in part (没买房: not own) is still open and may be asked
                if (!declined.contains(f) && questions.has(f)) weight.merge(f, 1, Integer::sum);
            }
        }
        List<String> order = questions.order();
        return weight.entrySet().stream()
                .max((x, y) -> x.getValue().equals(y.getValue())
                        ? Integer.compare(order.indexOf(y.getKey()), order.indexOf(x.getKey()))
                        : Integer.compare(x.getValue(), y.getValue()))
                .map(Map.Entry::getKey);
    }

    /** Whether some pathway is waiting only for the applicant's specific place within the document's area. */
    public static boolean needsSpecificPlace(Assessment a) {
        return a.with(Status.UNDETERMINED).stream().anyMatch(o -> o.placeUnknown() && o.missing().isEmpty());
    }
}
