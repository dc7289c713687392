package luohu.dialog;

import luohu.nlu.Ask;
import luohu.nlu.Intent;
import luohu.nlu.PlaceMentions;
import luohu.nlu.Understanding;
import luohu.policy.Fact;
import luohu.policy.Facts;
import luohu.policy.Place;
import luohu.policy.PolicyModel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a quick-reply button sends back: an id, not its label, so that pressing it means exactly the option and is
 * never read again as words. {@code #a:<fact>=<value>} answers a question, {@code #p:<place>} picks a place.
 * Anything else is text as typed.
 */
public final class ButtonPayload {
    private static final String ANSWER = "#a:", PLACE = "#p:";

    private ButtonPayload() {
    }

    public static String answer(String fact, Object value) {
        return ANSWER + fact + "=" + value;
    }

    public static String place(String name) {
        return PLACE + name;
    }

    /** A question's quick replies, each sending its value, then "直接告诉我结果" as typed. */
    public static Reply.Options forQuestion(luohu.nlu.Questions.Question q) {
        Reply.Options o = new Reply.Options();
        for (luohu.nlu.Questions.Option opt : q.options()) o.add(opt.label(), answer(q.fact(), opt.value()));
        return o.add("直接告诉我结果", null);
    }

    /** Places as quick replies, each sending the place. */
    public static Reply.Options forPlaces(List<String> names) {
        Reply.Options o = new Reply.Options();
        for (String n : names) o.add(n, place(n));
        return o;
    }

    /** The meaning of a payload, or empty when the text is not one this model can read (then it is typed text). */
    static Optional<Understanding> read(String text, PolicyModel model) {
        if (text == null) return Optional.empty();
        if (text.startsWith(ANSWER)) {
            String[] kv = text.substring(ANSWER.length()).split("=", 2);
            if (kv.length != 2) return Optional.empty();
            Optional<Fact> fact = model.vocabulary().find(kv[0]);
            if (fact.isEmpty()) return Optional.empty();
            Object value;
            try {
                value = fact.get().normalise(parse(kv[1]));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            return Optional.of(understood(text, Intent.INFORM, Facts.of(Map.of(kv[0], value)), new PlaceMentions(List.of(), List.of())));
        }
        if (text.startsWith(PLACE)) {
            Optional<Place> p = model.place(text.substring(PLACE.length()));
            return p.map(place -> understood(text, Intent.SETTLE, Facts.EMPTY, new PlaceMentions(List.of(place), List.of())));
        }
        return Optional.empty();
    }

    private static Object parse(String v) {
        if (v.equals("true") || v.equals("false")) return Boolean.parseBoolean(v);
        if (v.matches("-?\\d+")) return Integer.parseInt(v);
        if (v.matches("-?\\d+\\.\\d+")) return Double.parseDouble(v);
        return v;
    }

    private static Understanding understood(String text, Intent intent, Facts facts, PlaceMentions places) {
        return new Understanding(text, intent, facts, places, List.of(), List.of(), null, false, false, false, List.of(),
                Ask.NONE, List.of(), false, null, List.of());
    }
}
