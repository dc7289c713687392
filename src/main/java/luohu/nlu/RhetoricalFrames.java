package luohu.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a clause's text holds a rhetorical frame of lexicon.yaml negation.rhetorical: 难道/谁说/哪有/不是没 anywhere,
 * the retorts (能没…吗) only in a clause that ends as a question, the opening retorts (说我没…？) only opening one, and
 * the affirming frames (不就…吗) when asked for. A frame after a word that makes a real question of it (在哪有, 是不是没)
 * or before a condition asked about (难道没交社保就不能落户吗) is none. Shared by the facts and the intent.
 */
final class RhetoricalFrames {
    private RhetoricalFrames() {
    }

    /** A frame's words without its cut mark, by frame: every clause of every message looks for every frame. */
    private static final java.util.Map<String, String> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A frame found: the character its inner statement starts at, and whether it turns that statement round. */
    record Found(int inner, boolean reverses) {
    }

    /** Every frame in the clause's text, in the lexicon's order of kinds and frames; empty when none. */
    static List<Found> in(String t, Lexicon.Rhetorical r, boolean question, boolean withAffirming) {
        List<Found> out = List.of();
        for (int kind = 0; kind < (withAffirming ? 4 : 3); kind++) {
            if (kind > 0 && !question) break;
            List<String> frames = kind == 0 ? r.openers() : kind == 1 ? r.retorts() : kind == 2 ? r.openingRetorts() : r.affirming();
            for (String frame : frames) {
                String w = frame.indexOf('|') < 0 ? frame : WORDS.computeIfAbsent(frame, f -> f.replace("|", ""));
                int cut = frame.indexOf('|') < 0 ? w.length() : frame.indexOf('|');
                for (int i = t.indexOf(w); i >= 0 && (kind != 2 || i == 0); i = t.indexOf(w, i + 1)) {
                    if (Texts.endsWithAny(t.substring(0, i), r.notAfter())) continue;
                    if (Texts.containsAny(t.substring(i + w.length()), r.conditions())) continue;
                    if (out.isEmpty()) out = new ArrayList<>(2);
                    out.add(new Found(i + cut, kind != 3));
                }
            }
        }
        return out;
    }
}
