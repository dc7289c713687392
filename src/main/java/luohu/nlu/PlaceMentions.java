package luohu.nlu;

import luohu.policy.Place;

import java.util.List;

/**
 * The places a message names.
 *
 * @param covered   places of the policy model, in the order named, one per document
 * @param uncovered places none of the documents covers, in the order named
 */
public record PlaceMentions(List<Place> covered, List<String> uncovered) {
    public PlaceMentions {
        covered = List.copyOf(covered);
        uncovered = List.copyOf(uncovered);
    }

    public Place first() {
        return covered.isEmpty() ? null : covered.get(0);
    }

    /** The place a question is about when it names several: the last ("我在聊城买了房，那在铁岭呢"). */
    public Place last() {
        return covered.isEmpty() ? null : covered.get(covered.size() - 1);
    }
}
