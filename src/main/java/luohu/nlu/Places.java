package luohu.nlu;

import luohu.policy.Place;
import luohu.policy.PolicyModel;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every place a hukou, a home or a school may be said to be in: the covered places of the policy model (and the
 * lexicon's other names for them), the lexicon's provinces and their cities, and which prefecture a place belongs to.
 */
final class Places {
    /** A place named: its province (a document's region) and, for a covered place, the place. */
    record Where(String province, Place place) {
    }

    /** Words that put a place in town, or in a village. */
    static final List<String> TOWN = List.of("县城里", "县城", "市区", "城区", "城里", "镇上", "市里", "镇里");
    static final List<String> VILLAGE = List.of("村子里", "村子", "村里", "农村", "乡下", "嘎查", "牧区");
    private static final Set<String> AWAY = Set.of("外地", "外省", "老家", "外市", "外县");

    private final PolicyModel model;
    private final PhraseIndex<Where> placeNames = new PhraseIndex<>();
    private final Set<String> placeWords = new HashSet<>();
    /** A place's prefecture, by place name (a prefecture is its own), from the lexicon's prefectures. */
    private final Map<String, String> prefectureOf = new HashMap<>();

    /** Without a policy model no place is known by name; prefectures are known all the same. */
    Places(PolicyModel model, Lexicon lexicon) {
        this.model = model;
        if (model != null) {
            for (String n : model.placeNames()) addPlace(n, model.place(n).orElseThrow());
            lexicon.placeAliases().forEach((name, forms) -> model.place(name).ifPresent(p -> forms.forEach(f -> addPlace(f, p))));
            lexicon.regions().forEach((province, r) -> {
                for (String n : r.names()) addRegion(n, province);
                for (String c : r.cities()) {
                    addRegion(c, province);
                    if (!c.endsWith("市") && !c.endsWith("盟") && !c.endsWith("州")) addRegion(c + "市", province);
                }
            });
        }
        lexicon.prefectures().forEach((prefecture, members) -> {
            prefectureOf.put(prefecture, prefecture);
            members.forEach(m -> prefectureOf.put(m, prefecture));
        });
    }

    private void addPlace(String name, Place p) {
        if (placeWords.add(name)) placeNames.add(name, new Where(model.documentOf(p).info().region(), p));
    }

    private void addRegion(String name, String province) {
        if (placeWords.add(name)) placeNames.add(name, new Where(province, null));
    }

    /** Every place's name, for the segmenter to keep whole. */
    Set<String> words() {
        return Collections.unmodifiableSet(placeWords);
    }

    boolean isEmpty() {
        return placeNames.isEmpty();
    }

    /** Whether the word is a place's name. */
    boolean isPlace(String word) {
        return placeWords.contains(word);
    }

    List<PhraseIndex.Match<Where>> find(List<Token> tokens) {
        return placeNames.find(tokens);
    }

    /** The place a name stands for: a covered place before a province or city of the same name. */
    static Where where(PhraseIndex.Match<Where> m) {
        for (Where w : m.values()) if (w.place() != null) return w;
        return m.values().get(0);
    }

    /** Both places are of one prefecture-level unit (墨玉县 and 和田地区, 和静县 and 库尔勒市). */
    boolean samePrefecture(Place a, Place b) {
        String p = prefectureOf.get(a.name());
        return p != null && p.equals(prefectureOf.get(b.name()));
    }

    /** The tokens name a place no document covers (a province, another city: "我是河南户口"). */
    boolean uncovered(List<Token> part) {
        if (placeNames.isEmpty()) return false;
        for (PhraseIndex.Match<Where> m : placeNames.find(part)) {
            if (where(m).place() == null) return true;
        }
        return false;
    }

    /** The tokens name a place a document covers. */
    boolean namesCovered(List<Token> part) {
        for (PhraseIndex.Match<Where> m : placeNames.find(part)) if (where(m).place() != null) return true;
        return false;
    }

    /** The tokens put a hukou in a place no document covers, or away ("我老婆户口在吉林", "户口在老家"). */
    boolean hukouElsewhere(List<Token> part) {
        if (uncovered(part)) return true;
        for (Token t : part) if (AWAY.contains(t.text())) return true;
        return false;
    }

    /**
     * "我老婆是铁岭人": a person of a covered place, as 本地人 is, when that is the one covered place the message names
     * ("我爸是宁城人 … 我在红山区开公司" names two: 宁城 is where he is from, not where he would join anyone).
     */
    boolean personOfTheOnePlace(List<Token> tokens, List<Token> part) {
        Place of = null;
        for (PhraseIndex.Match<Where> m : placeNames.find(part)) {
            if (where(m).place() != null && m.last() + 1 < part.size() && part.get(m.last() + 1).text().equals("人")) of = where(m).place();
        }
        if (of == null) return false;
        for (PhraseIndex.Match<Where> m : placeNames.find(tokens)) {
            Place p = where(m).place();
            if (p != null && !p.name().equals(of.name())) return false;
        }
        return true;
    }
}
