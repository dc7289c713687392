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
 * @param applicant who the applicant is to the person typing (a relation id of dialogs/lexicon.yaml), null when
 *                  they ask for themselves
 * @param focus    the pathways the conversation is about (ids), for follow-ups
 * @param ask      what the person asked last (an {@link luohu.nlu.Ask} id), or null
 */
public record Session(String chatId, String state, String place, Facts facts, String asked, Set<String> declined,
                     int turns, long updated, List<TurnNote> recent, String applicant, List<String> focus, String ask) {
    /** How many turns {@link #recent} keeps. */
    public static final int RECENT = 5;

    /**
     * What one turn did: when, the intent understood, the action taken, the state it led to, and hashes of the message
     * and of the reply (0 when not known), so that the next reply can tell it would say the same again to another
     * message (the same message again, as a redelivered update is, gets the same reply).
     */
    public record TurnNote(long at, String intent, String action, String state, int said, int reply) {
        public TurnNote(long at, String intent, String action, String state) {
            this(at, intent, action, state, 0, 0);
        }
    }

    public Session {
        // most sessions decline nothing, and every step of a turn makes a session anew
        declined = declined.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(declined));
        recent = List.copyOf(recent);
        focus = focus == null ? List.of() : List.copyOf(focus);
    }

    public static Session start(String chatId) {
        return new Session(chatId, "start", null, Facts.EMPTY, null, Set.of(), 0, 0, List.of(), null, List.of(), null);
    }

    public Session withState(String s) {
        return new Session(chatId, s, place, facts, asked, declined, turns, updated, recent, applicant, focus, ask);
    }

    public Session withPlace(String p) {
        return new Session(chatId, state, p, facts, asked, declined, turns, updated, recent, applicant, focus, ask);
    }

    public Session withFacts(Facts f) {
        return new Session(chatId, state, place, f, asked, declined, turns, updated, recent, applicant, focus, ask);
    }

    public Session withAsked(String a) {
        return new Session(chatId, state, place, facts, a, declined, turns, updated, recent, applicant, focus, ask);
    }

    public Session withApplicant(String a) {
        return new Session(chatId, state, place, facts, asked, declined, turns, updated, recent, a, focus, ask);
    }

    public Session withFocus(List<String> f, String lastAsk) {
        return new Session(chatId, state, place, facts, asked, declined, turns, updated, recent, applicant, f, lastAsk);
    }

    public Session decline(String fact) {
        Set<String> d = new TreeSet<>(declined);
        d.add(fact);
        return new Session(chatId, state, place, facts, asked, d, turns, updated, recent, applicant, focus, ask);
    }

    /** After a turn: counted, time-stamped, and noted in {@link #recent}. */
    public Session touched(long now, String intent, String action) {
        return touched(now, intent, action, 0, 0);
    }

    /** After a turn whose message and reply hash to {@code said} and {@code reply}. */
    public Session touched(long now, String intent, String action, int said, int reply) {
        List<TurnNote> r = new ArrayList<>(recent);
        r.add(new TurnNote(now, intent, action, state, said, reply));
        while (r.size() > RECENT) r.remove(0);
        return new Session(chatId, state, place, facts, asked, declined, turns + 1, now, r, applicant, focus, ask);
    }

    /** The hash of the last reply, 0 when none is known. */
    public int lastReply() {
        return recent.isEmpty() ? 0 : recent.get(recent.size() - 1).reply();
    }

    /** The hash of the last message, 0 when none is known. */
    public int lastSaid() {
        return recent.isEmpty() ? 0 : recent.get(recent.size() - 1).said();
    }
}
