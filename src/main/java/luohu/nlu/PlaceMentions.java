package luohu.nlu;

import luohu.policy.Place;

import java.util.List;

/**
 * The places a message names.
 *
 * @param covered   places of the policy model, in the order named, one per document (a typo of a place that only
 *                  one place fits, "铁玲", is among them)
 * @param uncovered places none of the documents covers, in the order named
 * @param guess     a word that looks like a mistyped covered place ("铁林"), or null; when {@link Guess#sure()} the
 *                  place is in {@code covered} too, else the dialog should ask ("您说的是铁岭吗？")
 * @param told      the places of {@code covered} named only as a fact about someone (where a hukou is, the village one
 *                  lives in: "他户口在翁牛特旗农村"), after the others: not the place the case is about when another is named
 */
public record PlaceMentions(List<Place> covered, List<String> uncovered, Guess guess, List<Place> told) {
    public PlaceMentions {
        covered = List.copyOf(covered);
        uncovered = List.copyOf(uncovered);
        told = told == null ? List.of() : List.copyOf(told);
    }

    public PlaceMentions(List<Place> covered, List<String> uncovered, Guess guess) {
        this(covered, uncovered, guess, List.of());
    }

    public PlaceMentions(List<Place> covered, List<String> uncovered) {
        this(covered, uncovered, null);
    }

    /** Every place named is only a fact about someone ("俺户口在临清农村"): the message names no place of the case. */
    public boolean onlyTold() {
        return !covered.isEmpty() && told.containsAll(covered);
    }

    /**
     * The same mentions about the conversation's place, where the message names only places told of someone: that
     * place first, the places told of another document after it (one place a document, the conversation's kept).
     */
    public PlaceMentions about(Place context) {
        List<Place> places = new java.util.ArrayList<>(List.of(context));
        List<Place> others = new java.util.ArrayList<>();
        for (Place p : told) {
            if (places.stream().anyMatch(q -> q.documentId().equals(p.documentId()))) continue;
            places.add(p);
            others.add(p);
        }
        return new PlaceMentions(places, uncovered, guess, others);
    }

    /**
     * The place a mistyped word most likely means.
     *
     * @param place   the covered place
     * @param written the word as typed ("铁玲")
     * @param sure    only this place fits, and it sounds the same (same pinyin); otherwise ask before using it
     */
    public record Guess(Place place, String written, boolean sure) {
    }

    public Place first() {
        return covered.isEmpty() ? null : covered.get(0);
    }

    /**
     * The place a question is about when it names several: the last ("我在聊城买了房，那在铁岭呢"), of those not named only
     * as a fact about someone ("户口在二连 想迁到赤峰": 赤峰).
     */
    public Place last() {
        for (int i = covered.size() - 1; i >= 0; i--) if (!told.contains(covered.get(i))) return covered.get(i);
        return covered.isEmpty() ? null : covered.get(covered.size() - 1);
    }
}
