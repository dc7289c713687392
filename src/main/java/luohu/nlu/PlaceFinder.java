package luohu.nlu;

import luohu.policy.Place;
import luohu.policy.PolicyModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds places through the lexicon (the policy model's names and aliases), never through part-of-speech tags. */
public final class PlaceFinder {
    private final PolicyModel model;
    private final PhraseIndex<String> names = new PhraseIndex<>();
    private final List<String> uncovered;

    public PlaceFinder(PolicyModel model, List<String> uncovered) {
        this.model = model;
        this.uncovered = List.copyOf(uncovered);
        for (String n : model.placeNames()) names.add(n, n);
        for (String u : uncovered) names.add(u, null);
    }

    /** Every name to keep whole in segmentation. */
    public List<String> words() {
        List<String> out = new ArrayList<>(model.placeNames());
        out.addAll(uncovered);
        return out;
    }

    public PlaceMentions find(String text, List<Token> tokens) {
        List<Place> covered = new ArrayList<>();
        Set<String> docs = new HashSet<>();
        List<String> other = new ArrayList<>();
        for (PhraseIndex.Match<String> m : names.find(tokens)) {
            String name = m.values().get(0);
            if (name == null) {
                if (!other.contains(m.phrase())) other.add(m.phrase());
                continue;
            }
            Place p = model.place(name).orElseThrow();
            // a more specific place of a document already named replaces it: "新疆奎屯" means 奎屯
            if (docs.contains(p.documentId())) {
                for (int i = 0; i < covered.size(); i++) {
                    if (covered.get(i).documentId().equals(p.documentId()) && covered.get(i).root() && !p.root()) covered.set(i, p);
                }
                continue;
            }
            docs.add(p.documentId());
            covered.add(p);
        }
        // a province that holds a covered place (内蒙古 of 内蒙古赤峰) is not an uncovered place
        other.removeIf(u -> covered.stream().anyMatch(p -> model.documentOf(p).info().region().startsWith(u)));
        return new PlaceMentions(covered, other);
    }
}
