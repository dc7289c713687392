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
    /** At least this many shared runs make a passage near enough to quote. */
    private static final int NEAR = 2;

    private Passages() {
    }

    /** The nearest passage, quoted with its clause, or empty when none shares enough with the message. */
    static Optional<String> nearest(PolicyDocument doc, Place place, String message, Collection<String> common, OutcomeText text) {
        return nearest(doc, place, message, common, text, NEAR, "");
    }

    static Optional<String> nearest(PolicyDocument doc, Place place, String message, Collection<String> common, OutcomeText text, int near) {
        return nearest(doc, place, message, common, text, near, "");
    }

    /**
     * As {@link #nearest}, with the number of shared runs a passage needs, and the words of what is asked about
     * ("本人到场"), whose runs count twice.
     */
    static Optional<String> nearest(PolicyDocument doc, Place place, String message, Collection<String> common, OutcomeText text,
                                    int near, String subject) {
        Set<String> pairs = pairs(message + " " + subject, common);
        Set<String> key = pairs(subject, common);
        // the names of the document's places tell nothing about what is asked ("二连浩特…咋办")
        for (Place p : doc.places()) {
            pairs.removeAll(pairs(p.name(), Set.of()));
            p.aliases().forEach(a -> pairs.removeAll(pairs(a, Set.of())));
        }
        if (pairs.size() < near) return Optional.empty();
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
        Cited best = null;
        int bestScore = near - 1;
        for (Cited c : candidates) {
            int score = (int) pairs.stream().filter(c.text()::contains).count() + (int) key.stream().filter(c.text()::contains).count();
            if (score > bestScore || score == bestScore && best != null && c.text().length() < best.text().length()) {
                best = c;
                bestScore = score;
            }
        }
        return best == null || bestScore < near ? Optional.empty()
                : Optional.of("“" + best.text() + "”" + text.cite(doc, best.clause()));
    }

    /** The distinct two-character runs of Chinese in the text, but for the common ones. */
    static Set<String> pairs(String message, Collection<String> common) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= message.length(); i++) {
            String p = message.substring(i, i + 2);
            if (p.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) && !common.contains(p)) out.add(p);
        }
        return out;
    }
}
