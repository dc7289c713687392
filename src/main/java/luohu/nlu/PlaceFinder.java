package luohu.nlu;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import luohu.common.Lazy;
import luohu.policy.Place;
import luohu.policy.PolicyModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds places through the lexicon (the policy model's names and aliases, and the lexicon's everyday short forms),
 * never through part-of-speech tags; and words that look like a covered place mistyped, by their pinyin (HanLP's
 * conversion): the same sounds ("铁玲", "赤锋") or one letter off ("铁林").
 */
public final class PlaceFinder {
    private static final int MAX_TYPO_LENGTH = 5;
    private final PolicyModel model;
    private final PhraseIndex<String> names = new PhraseIndex<>();
    private final List<String> uncovered;
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<Integer, List<String>> namesByLength = new HashMap<>();
    /** Made when a message first needs a guess: pinyin of every name is the dear part of building the finder. */
    private final Lazy<Sounds> sounds;
    /**
     * The place names of three characters or more, and for each character the positions in that list of the names
     * it starts: a message without a place is read once for all of them rather than searched for each.
     */
    private final List<String> longNames;
    /** Words for one's village (lexicon village_words): a run holding one is no place mistyped ("屯里" is no 托里). */
    private final List<String> village;
    private final int[][] longNamesByFirst = new int[Character.MAX_VALUE + 1][];

    /**
     * @param byPinyin pinyin of every covered name of 2 to 5 characters, syllables joined by spaces, to the names that sound so
     * @param flat     each such name to its pinyin without spaces
     */
    private record Sounds(Map<String, Set<String>> byPinyin, Map<String, String> flat) {
        static Sounds of(List<String> names) {
            Sounds s = new Sounds(new HashMap<>(), new HashMap<>());
            for (String n : names) {
                String py = pinyin(n);
                s.byPinyin.computeIfAbsent(py, k -> new LinkedHashSet<>()).add(n);
                s.flat.put(n, py.replace(" ", ""));
            }
            return s;
        }
    }

    /**
     * @param uncovered places none of the documents covers; a name a document now covers counts as covered
     * @param aliases   place name or alias of the model → further everyday forms of it (lexicon place_aliases)
     * @throws IllegalArgumentException when an alias names a place the model does not have
     */
    public PlaceFinder(PolicyModel model, List<String> uncovered, Map<String, List<String>> aliases) {
        this(model, uncovered, aliases, List.of());
    }

    /** @param village words for one's village (lexicon village_words), never a place's name mistyped */
    public PlaceFinder(PolicyModel model, List<String> uncovered, Map<String, List<String>> aliases, List<String> village) {
        this.model = model;
        this.village = List.copyOf(village);
        for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
            if (model.place(e.getKey()).isEmpty()) {
                throw new IllegalArgumentException("lexicon.yaml: place_aliases." + e.getKey() + ": no such place in policies/");
            }
            for (String a : e.getValue()) if (model.place(a).isEmpty()) this.aliases.put(a, e.getKey());
        }
        Set<String> known = new HashSet<>(model.placeNames());
        known.addAll(this.aliases.keySet());
        this.uncovered = uncovered.stream().filter(u -> !known.contains(u)).toList();
        for (String n : model.placeNames()) names.add(n, n);
        this.longNames = model.placeNames().stream().filter(n -> n.length() >= 3).toList();
        for (int i = 0; i < longNames.size(); i++) {
            char c = longNames.get(i).charAt(0);
            int[] had = longNamesByFirst[c];
            int[] now = had == null ? new int[1] : java.util.Arrays.copyOf(had, had.length + 1);
            now[now.length - 1] = i;
            longNamesByFirst[c] = now;
        }
        this.aliases.forEach((a, n) -> names.add(a, n));
        for (String u : this.uncovered) names.add(u, null);
        List<String> sounded = new ArrayList<>();
        for (String n : known) {
            if (n.length() < 2 || n.length() > MAX_TYPO_LENGTH || !n.chars().allMatch(c -> Normalizer.isHan((char) c))) continue;
            sounded.add(n);
            namesByLength.computeIfAbsent(n.length(), k -> new ArrayList<>()).add(n);
        }
        this.sounds = new Lazy<>(() -> Sounds.of(sounded));
    }

    public PlaceFinder(PolicyModel model, List<String> uncovered) {
        this(model, uncovered, Map.of());
    }

    /** Every name to keep whole in segmentation. */
    public List<String> words() {
        List<String> out = new ArrayList<>(model.placeNames());
        out.addAll(aliases.keySet());
        out.addAll(uncovered);
        return out;
    }

    public PlaceMentions find(String text, List<Token> tokens) {
        return find(text, tokens, new byte[tokens.size()]);
    }

    /**
     * @param told for each token, not 0 when it is part of a place named as a fact about someone (where a hukou is, the
     *             village one lives in): such places come after the others, and a place of the same document named
     *             otherwise is the one kept ("要是回赤峰市里干呢 他户口在翁牛特旗农村": 赤峰, not the more specific 翁牛特旗)
     */
    public PlaceMentions find(String text, List<Token> tokens, byte[] told) {
        List<Place> covered = new ArrayList<>();
        Set<String> docs = new HashSet<>();
        List<String> other = new ArrayList<>();
        List<PhraseIndex.Match<String>> found = names.find(tokens);
        boolean[] named = new boolean[tokens.size()];
        List<Place> aboutSomeone = new ArrayList<>();
        for (PhraseIndex.Match<String> m : found) {
            for (int i = m.first(); i <= m.last(); i++) named[i] = true;
            String name = m.values().get(0);
            if (name == null) {
                if (!other.contains(m.phrase())) other.add(m.phrase());
                continue;
            }
            if (told[m.first()] != 0) aboutSomeone.add(model.place(name).orElseThrow());
            else add(model.place(name).orElseThrow(), covered, docs);
        }
        // a place of a document named otherwise too is not kept: the one named otherwise is the case's
        Set<String> caseDocs = new HashSet<>(docs);
        for (Place p : aboutSomeone) {
            // …but a province's document named by itself or by a school there ("新疆师范大学 我是乌鲁木齐人") needs the
            // city: the one told is the nearest to go on
            if (caseDocs.contains(p.documentId()) && coversProvince(p)) caseDocs.remove(p.documentId());
            if (!caseDocs.contains(p.documentId())) add(p, covered, docs);
        }
        List<Place> toldOnly = covered.stream().filter(p -> !caseDocs.contains(p.documentId())).toList();
        // a name the segmenter split across words ("回调兵山了": 回调/兵山): three characters or more, as typed
        if (covered.isEmpty()) {
            String name = firstLongNameIn(text);
            if (name != null) add(model.place(name).orElseThrow(), covered, docs);
        }
        PlaceMentions.Guess guess = covered.isEmpty() ? guess(tokens, named) : null;
        if (guess != null && guess.sure()) add(guess.place(), covered, docs);
        // a province that holds a covered place (内蒙古 of 内蒙古赤峰) is not an uncovered place
        other.removeIf(u -> covered.stream().anyMatch(p -> model.documentOf(p).info().region().startsWith(u)));
        return new PlaceMentions(covered, other, guess, toldOnly);
    }

    private boolean coversProvince(Place p) {
        luohu.policy.DocumentInfo doc = model.documentOf(p).info();
        return doc.governs().equals(doc.region());
    }

    /** Of the names of three characters or more in the text, the one the model lists first; null when none is. */
    private String firstLongNameIn(String text) {
        int first = Integer.MAX_VALUE;
        for (int at = 0; at < text.length(); at++) {
            int[] starting = longNamesByFirst[text.charAt(at)];
            if (starting == null) continue;
            for (int i : starting) if (i < first && text.startsWith(longNames.get(i), at)) first = i;
        }
        return first == Integer.MAX_VALUE ? null : longNames.get(first);
    }

    private void add(Place p, List<Place> covered, Set<String> docs) {
        // a more specific place of a document already named replaces it: "新疆奎屯" means 奎屯
        if (docs.contains(p.documentId())) {
            for (int i = 0; i < covered.size(); i++) {
                if (covered.get(i).documentId().equals(p.documentId()) && covered.get(i).root() && !p.root()) covered.set(i, p);
            }
            return;
        }
        docs.add(p.documentId());
        covered.add(p);
    }

    /**
     * A run of whole tokens, not a known word, that sounds like a covered place and shares a character with it
     * in the same position. Sure when one place sounds exactly the same; unsure when it is one letter of pinyin
     * off or several places fit.
     */
    private PlaceMentions.Guess guess(List<Token> tokens, boolean[] named) {
        PlaceMentions.Guess best = null;
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder w = new StringBuilder();
            for (int j = i; j < tokens.size() && w.length() + tokens.get(j).text().length() <= MAX_TYPO_LENGTH; j++) {
                Token t = tokens.get(j);
                if (named[j] || t.nature().startsWith("m") || t.nature().startsWith("w")) break;
                w.append(t.text());
                String word = w.toString();
                if (word.length() < 2 || !allHan(word)) continue;
                if (CoreDictionary.contains(word) && j == i) continue; // a word of the language, not a typo
                if (Texts.containsAny(word, village)) continue; // "户口不在屯里了": one's village, not 托里
                PlaceMentions.Guess g = guess(word);
                if (g != null && (best == null || g.sure() && !best.sure())) best = g;
            }
        }
        return best;
    }

    private PlaceMentions.Guess guess(String word) {
        // a guess shares characters with a name of its length: where none does, no pinyin needs computing
        if (!anySharesCharacter(word, namesByLength.getOrDefault(word.length(), List.of()))) return null;
        String py = pinyin(word);
        Sounds sounds = this.sounds.get();
        Set<Place> exact = new LinkedHashSet<>();
        for (String n : sounds.byPinyin().getOrDefault(py, Set.of())) if (sharesCharacter(word, n)) exact.add(place(n));
        if (exact.size() == 1) return new PlaceMentions.Guess(exact.iterator().next(), word, true);
        if (exact.size() > 1) return new PlaceMentions.Guess(exact.iterator().next(), word, false);
        Set<Place> near = new LinkedHashSet<>();
        String flat = py.replace(" ", "");
        for (String n : namesByLength.getOrDefault(word.length(), List.of())) {
            if (!sharesCharacter(word, n)) continue;
            if (editDistanceAtMostOne(flat, sounds.flat().get(n))) near.add(place(n));
        }
        return near.isEmpty() ? null : new PlaceMentions.Guess(near.iterator().next(), word, false);
    }

    private Place place(String name) {
        return model.place(aliases.getOrDefault(name, name)).orElseThrow();
    }

    private static boolean anySharesCharacter(String word, List<String> names) {
        for (int i = 0; i < names.size(); i++) if (sharesCharacter(word, names.get(i))) return true;
        return false;
    }

    private static boolean allHan(String word) {
        for (int i = 0; i < word.length(); i++) if (!Normalizer.isHan(word.charAt(i))) return false;
        return true;
    }

    /** Two characters of three or more in place, or one of two: 铁玲 / 铁岭. */
    private static boolean sharesCharacter(String a, String b) {
        if (a.length() != b.length() || a.equals(b)) return false;
        int same = 0;
        for (int i = 0; i < a.length(); i++) if (a.charAt(i) == b.charAt(i)) same++;
        return same >= Math.max(1, a.length() - 2) && same >= (a.length() >= 3 ? 2 : 1);
    }

    private static String pinyin(String word) {
        return SoundsLike.pinyin(word);
    }

    private static boolean editDistanceAtMostOne(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) return false;
            if (a.length() > b.length()) i++;
            else if (a.length() < b.length()) j++;
            else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
