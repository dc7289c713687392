package luohu.answer;

import luohu.policy.Cited;
import luohu.policy.Pathway;
import luohu.policy.Place;
import luohu.policy.PolicyDocument;
import luohu.policy.Rule;
import luohu.policy.Truth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The document's own words nearest a question that no condition or rule answers ("儿子必须去吗", "只有购房合同行不"):
 * the passage — a note, a material, a registration entry or a rule — sharing most two-character runs with the
 * message. Said as the document's words, never as a verdict.
 */
final class Passages {
    /**
     * What may be quoted, by document id and place name: the same for every message about the place, so gathered
     * once (one instance serves one policy model).
     */
    private final java.util.Map<String, Quotable> quotable = new java.util.concurrent.ConcurrentHashMap<>();

    Optional<String> nearest(PolicyDocument doc, Place place, String message, Collection<String> common, OutcomeText text, int near) {
        return nearest(doc, place, message, common, text, near, "");
    }

    /**
     * As {@link #nearest}, with the number of shared runs a passage needs, and the words of what is asked about
     * ("本人到场"), whose runs count twice.
     */
    Optional<String> nearest(PolicyDocument doc, Place place, String message, Collection<String> common, OutcomeText text,
                             int near, String subject) {
        Set<String> pairs = pairs(message + " " + subject, common);
        Set<String> key = pairs(subject, common);
        Quotable q = quotable.computeIfAbsent(doc.id() + "/" + place.name(), k -> gather(doc, place));
        // the names of the document's places tell nothing about what is asked ("二连浩特…咋办")
        pairs.removeAll(q.placeRuns());
        if (pairs.size() < near) return Optional.empty();
        // each run of the message scores the passages that have it
        int[] scores = new int[q.passages().size()];
        for (String p : pairs) for (int i : q.passagesWith().getOrDefault(p, NONE)) scores[i]++;
        for (String p : key) for (int i : q.passagesWith().getOrDefault(p, NONE)) scores[i]++;
        Cited best = null;
        int bestScore = near - 1;
        for (int i = 0; i < scores.length; i++) {
            int score = scores[i];
            Cited c = q.passages().get(i);
            if (score > bestScore || score == bestScore && best != null && c.text().length() < best.text().length()) {
                best = c;
                bestScore = score;
            }
        }
        return best == null || bestScore < near ? Optional.empty()
                : Optional.of("“" + best.text() + "”" + text.cite(doc, best.clause()));
    }

    private static final int[] NONE = {};

    /**
     * What may be quoted for a place; for each two-character run, the passages that have it (in order); and the runs
     * of the document's place names.
     */
    private record Quotable(List<Cited> passages, java.util.Map<String, int[]> passagesWith, Set<String> placeRuns) {
    }

    private static Quotable gather(PolicyDocument doc, Place place) {
        List<Cited> candidates = new ArrayList<>();
        for (Pathway p : doc.pathways()) {
            if (p.scope().covers(place) == Truth.FALSE) continue;
            for (Cited n : p.notes()) if (n.reading() == null) candidates.add(n);
            candidates.addAll(p.materials());
            p.registration().forEach(r -> candidates.add(new Cited(r.text(), r.clause())));
        }
        for (Rule r : doc.rules()) {
            if (r.scope().covers(place) != Truth.FALSE) candidates.add(new Cited(r.text(), r.clauses().get(0)));
        }
        java.util.Map<String, List<Integer>> with = new java.util.HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            for (String run : pairs(candidates.get(i).text(), Set.of())) with.computeIfAbsent(run, r -> new ArrayList<>()).add(i);
        }
        java.util.Map<String, int[]> passagesWith = new java.util.HashMap<>();
        with.forEach((run, at) -> passagesWith.put(run, at.stream().mapToInt(Integer::intValue).toArray()));
        Set<String> placeRuns = new HashSet<>();
        for (Place p : doc.places()) {
            placeRuns.addAll(pairs(p.name(), Set.of()));
            p.aliases().forEach(a -> placeRuns.addAll(pairs(a, Set.of())));
        }
        return new Quotable(List.copyOf(candidates), java.util.Map.copyOf(passagesWith), Set.copyOf(placeRuns));
    }

    private static boolean han(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** The distinct two-character runs of Chinese in the text, but for the common ones. */
    static Set<String> pairs(String message, Collection<String> common) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= message.length(); i++) {
            char a = message.charAt(i), b = message.charAt(i + 1);
            boolean han = Character.isSurrogate(a) || Character.isSurrogate(b)
                    ? message.substring(i, i + 2).codePoints().allMatch(Passages::han)
                    : han(a) && han(b); // most pairs: no string is made for a pair that is not two characters of Chinese
            if (!han) continue;
            String p = message.substring(i, i + 2);
            if (!common.contains(p)) out.add(p);
        }
        return out;
    }
}
