package luohu.dialog;

import luohu.nlu.Ask;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The named conditions the response rules of dialogs/responses.yaml test, for one turn.
 *
 * @param ask      what the message wants to know
 * @param place    whether the conversation has a place of some document
 * @param narrow   some pathways are in focus (the words, the facts or the conversation point at them)
 * @param outcome  of the pathways in focus (all when none is): eligible, undetermined, not_eligible or none
 * @param followup an answer came before, for the same place, and this message adds no fact
 * @param whatif   the message asks what would be if
 * @param overall  an overall assessment is under way: the person asked whether they can settle at all, with nothing
 *                 in view, and is answering its questions
 * @param again    a follow-up asking what the message before asked, of the same pathways: the answer would be the
 *                 one just given
 */
public record Situation(Ask ask, boolean place, boolean narrow, String outcome, boolean followup, boolean whatif, boolean overall,
                        boolean again) {
    /** Every condition and the values it can take. */
    public static final Map<String, Set<String>> VALUES = Map.of(
            "ask", Arrays.stream(Ask.values()).map(Ask::id).collect(Collectors.toSet()),
            "place", Set.of("known", "unknown"),
            "focus", Set.of("narrow", "wide"),
            "outcome", Set.of("eligible", "undetermined", "not_eligible", "none"),
            "followup", Set.of("yes", "no"),
            "whatif", Set.of("yes", "no"),
            "overall", Set.of("yes", "no"),
            "again", Set.of("yes", "no"));

    public String value(String condition) {
        return switch (condition) {
            case "ask" -> ask.id();
            case "place" -> place ? "known" : "unknown";
            case "focus" -> narrow ? "narrow" : "wide";
            case "outcome" -> outcome;
            case "followup" -> followup ? "yes" : "no";
            case "whatif" -> whatif ? "yes" : "no";
            case "overall" -> overall ? "yes" : "no";
            case "again" -> again ? "yes" : "no";
            default -> throw new IllegalArgumentException("no condition " + condition);
        };
    }

    /** The same situation, not a question asked again: for when nothing nearer the words is found to answer it with. */
    public Situation notAgain() {
        return new Situation(ask, place, narrow, outcome, followup, whatif, overall, false);
    }

    /** For logs and tests: every condition with its value. */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : new String[]{"ask", "place", "focus", "outcome", "followup", "whatif", "overall", "again"}) out.put(c, value(c));
        return out;
    }
}
