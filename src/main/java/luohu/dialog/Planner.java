package luohu.dialog;

import luohu.nlu.Questions;
import luohu.policy.Assessment;
import luohu.policy.PathwayOutcome;
import luohu.policy.Status;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the one next question that matters most. First come the pathways the applicant's facts already partly meet
 * (what they are talking about), the one fewest answers from a decision first. Among equals, each undetermined
 * pathway gives weight to the facts it still waits for, most to the first (the engine lists them nearest-to-decisive
 * first), and the fact with the most weight is asked; the order of questions.yaml breaks the last ties.
 * Only facts some pathway is waiting for are ever asked, so no question is wasted on what cannot change the outcome.
 */
public final class Planner {
    private final Questions questions;

    public Planner(Questions questions) {
        this.questions = questions;
    }

    public Optional<String> next(Assessment a, Set<String> declined) {
        return next(a.with(Status.UNDETERMINED), declined);
    }

    /** The question that matters most for these pathways only (those in focus): none when no answer could decide them. */
    public Optional<String> next(List<PathwayOutcome> pathways, Set<String> declined) {
        Map<String, Double> weight = new HashMap<>();
        Map<String, Integer> nearest = new HashMap<>();
        for (PathwayOutcome o : pathways) {
            if (o.status() != Status.UNDETERMINED) continue;
            List<String> open = o.missing().stream().filter(f -> !declined.contains(f) && questions.has(f)).toList();
            // the pathway's weight halves down its missing facts, which come nearest-to-decisive first
            double w = 1.0 + o.met().size();
            for (int i = 0; i < open.size(); i++) {
                weight.merge(open.get(i), w / (1 << Math.min(i, 30)), Double::sum);
                // a pathway partly met and few answers from a decision: minus the answers it still needs
                if (!o.met().isEmpty()) nearest.merge(open.get(i), -open.size(), Math::max);
            }
        }
        List<String> order = questions.order();
        Comparator<String> best = Comparator.<String>comparingInt(f -> nearest.getOrDefault(f, Integer.MIN_VALUE))
                .thenComparingDouble(weight::get)
                .thenComparing(Comparator.<String>comparingInt(order::indexOf).reversed());
        return weight.keySet().stream().max(best);
    }

    /** Whether some pathway is waiting only for the applicant's specific place within the document's area. */
    public static boolean needsSpecificPlace(Assessment a) {
        return a.with(Status.UNDETERMINED).stream().anyMatch(o -> o.placeUnknown() && o.missing().isEmpty());
    }
}
