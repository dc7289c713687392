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
 */
public record PlaceMentions(List<Place> covered, List<String> uncovered, Guess guess) {
    public PlaceMentions {
        covered = List.copyOf(covered);
        uncovered = List.copyOf(uncovered);
    }

    public PlaceMentions(List<Place> covered, List<String> uncovered) {
        this(covered, uncovered, null);
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

    /** The place a question is about when it names several: the last ("我在聊城买了房，那在铁岭呢"). */
    public Place last() {
        return covered.isEmpty() ? null : covered.get(covered.size() - 1);
    }
}
