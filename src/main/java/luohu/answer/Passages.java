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
        Cited best = null;
        int bestScore = near - 1;
        for (int i = 0; i < q.passages().size(); i++) {
            Set<String> runs = q.runs().get(i);
            int score = 0;
            for (String p : pairs) if (runs.contains(p)) score++;
            for (String p : key) if (runs.contains(p)) score++;
            Cited c = q.passages().get(i);
            if (score > bestScore || score == bestScore && best != null && c.text().length() < best.text().length()) {
                best = c;
                bestScore = score;
            }
        }
        return best == null || bestScore < near ? Optional.empty()
                : Optional.of("“" + best.text() + "”" + text.cite(doc, best.clause()));
    }

    /** What may be quoted for a place, each passage's two-character runs, and the runs of the document's place names. */
    private record Quotable(List<Cited> passages, List<Set<String>> runs, Set<String> placeRuns) {
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
        List<Set<String>> runs = new ArrayList<>();
        for (Cited c : candidates) runs.add(Set.copyOf(pairs(c.text(), Set.of())));
        Set<String> placeRuns = new HashSet<>();
        for (Place p : doc.places()) {
            placeRuns.addAll(pairs(p.name(), Set.of()));
            p.aliases().forEach(a -> placeRuns.addAll(pairs(a, Set.of())));
        }
        return new Quotable(List.copyOf(candidates), List.copyOf(runs), Set.copyOf(placeRuns));
    }

    /** The distinct two-character runs of Chinese in the text, but for the common ones. */
    private static boolean han(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

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
