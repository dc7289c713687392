package luohu.dialog;

import luohu.policy.Facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One conversation: where it stands, the place, the applicant's facts, the question pending. Immutable; each turn
 * makes a new one. Holds only what the conversation needs.
 *
 * @param place    the name of the place being discussed, or null
 * @param asked    the fact the last question asked about, or null
 * @param declined facts the applicant could not or would not give: never asked again
 * @param updated  epoch milliseconds of the last turn
 * @param recent   the last few turns, what they did (never what was typed)
 */
public record Session(String chatId, String state, String place, Facts facts, String asked, Set<String> declined,
                     int turns, long updated, List<TurnNote> recent) {
    /** How many turns {@link #recent} keeps. */
    public static final int RECENT = 5;

    /** What one turn did: when, the intent understood, the action taken, the state it led to. */
    public record TurnNote(long at, String intent, String action, String state) {
    }

    public Session {
        declined = java.util.Collections.unmodifiableSet(new TreeSet<>(declined));
        recent = List.copyOf(recent);
    }

    public static Session start(String chatId) {
        return new Session(chatId, "start", null, Facts.EMPTY, null, Set.of(), 0, 0, List.of());
    }

    public Session withState(String s) {
        return new Session(chatId, s, place, facts, asked, declined, turns, updated, recent);
    }

    public Session withPlace(String p) {
        return new Session(chatId, state, p, facts, asked, declined, turns, updated, recent);
    }

    public Session withFacts(Facts f) {
        return new Session(chatId, state, place, f, asked, declined, turns, updated, recent);
    }

    public Session withAsked(String a) {
        return new Session(chatId, state, place, facts, a, declined, turns, updated, recent);
    }

    public Session decline(String fact) {
        Set<String> d = new TreeSet<>(declined);
        d.add(fact);
        return new Session(chatId, state, place, facts, asked, d, turns, updated, recent);
    }

    /** After a turn: counted, time-stamped, and noted in {@link #recent}. */
    public Session touched(long now, String intent, String action) {
        List<TurnNote> r = new ArrayList<>(recent);
        r.add(new TurnNote(now, intent, action, state));
        while (r.size() > RECENT) r.remove(0);
        return new Session(chatId, state, place, facts, asked, declined, turns + 1, now, r);
    }
}
