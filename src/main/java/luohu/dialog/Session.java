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
     * What one turn did: when, the intent understood, the action taken, the state it led to, the hash of the message (0
     * when not known) and the hashes of the reply's lines (the latest turn's only), so that the next reply can tell it
     * would only say again what was just said, to another message (the same message again, as a redelivered update
     * is, gets the same reply).
     */
    public record TurnNote(long at, String intent, String action, String state, int said, List<Integer> lines) {
        public TurnNote {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }

        public TurnNote(long at, String intent, String action, String state) {
            this(at, intent, action, state, 0, List.of());
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
        return touched(now, intent, action, 0, List.of());
    }

    /** After a turn whose message hashes to {@code said} and whose reply's lines to {@code lines}. */
    public Session touched(long now, String intent, String action, int said, List<Integer> lines) {
        List<TurnNote> r = new ArrayList<>(recent.size() + 1);
        // (earlier turns' lines are of no use: only the reply just given is compared with the next)
        for (TurnNote n : recent) r.add(n.lines().isEmpty() ? n : new TurnNote(n.at(), n.intent(), n.action(), n.state(), n.said(), List.of()));
        r.add(new TurnNote(now, intent, action, state, said, lines));
        while (r.size() > RECENT) r.remove(0);
        return new Session(chatId, state, place, facts, asked, declined, turns + 1, now, r, applicant, focus, ask);
    }

    /** The hashes of the last reply's lines, empty when not known. */
    public List<Integer> lastLines() {
        return recent.isEmpty() ? List.of() : recent.get(recent.size() - 1).lines();
    }

    /** The hash of the last message, 0 when none is known. */
    public int lastSaid() {
        return recent.isEmpty() ? 0 : recent.get(recent.size() - 1).said();
    }

    /**
     * The hashes of a reply's lines that say something (blank lines say nothing), each the hash of the line stripped,
     * worked out in place: every turn hashes its reply.
     */
    public static List<Integer> lineHashes(String reply) {
        List<Integer> out = new ArrayList<>(8);
        int n = reply.length();
        for (int start = 0; start <= n; ) {
            int end = reply.indexOf('\n', start);
            if (end < 0) end = n;
            int from = start, to = end;
            while (from < to && Character.isWhitespace(reply.charAt(from))) from++;
            while (to > from && Character.isWhitespace(reply.charAt(to - 1))) to--;
            if (from < to) {
                int h = 0;
                for (int i = from; i < to; i++) h = 31 * h + reply.charAt(i);
                out.add(h);
            }
            start = end + 1;
        }
        return out;
    }

    /**
     * Whether every line of the reply was in the last reply: it would only say again what was just said. A reply led by
     * the rules quoted ("关于…的规定是：") is so only when it is the last reply whole: part of it is a narrower answer.
     */
    public boolean saidJustNow(String reply, List<Integer> lines) {
        List<Integer> last = lastLines();
        if (last.isEmpty() || lines.isEmpty() || !last.containsAll(lines)) return false;
        return lines.equals(last) || !reply.lines().findFirst().orElse("").strip().endsWith("：");
    }

    /** Whether the last reply had this line. */
    public boolean saidLine(String line) {
        return lastLines().contains(line.strip().hashCode());
    }
}
