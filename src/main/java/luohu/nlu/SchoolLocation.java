package luohu.nlu;

import luohu.nlu.Places.Where;
import luohu.policy.Place;
import luohu.policy.PolicyDocument;
import luohu.policy.PolicyModel;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static luohu.nlu.Places.where;
import static luohu.nlu.TokenText.text;

/** Where the applicant's school is (school_location), from a place named as a school's or as where one studied. */
final class SchoolLocation {
    /** What may follow a place that names a school there ("聊城大学", "山东的学校", "沈阳的大学"). */
    private static final List<String> SCHOOL_AFTER = List.of("大学", "的大学", "师范", "理工", "的学校", "学院", "的学院", "的技校",
            "技校", "的中专", "的高校", "职业技术", "工业", "农业大学", "医科", "财经", "科技大学");
    /** What may come right before a place that says where one's school is ("学校在呼市", "大学是在沈阳上的"). */
    private static final List<String> SCHOOL_IS = List.of("学校在", "学校是", "学校是在", "大学在", "大学是在", "学校也在");
    /** What may follow a place that one studied at ("在新疆读的", "在山东理工读大专" has the school itself). */
    private static final List<String> STUDIED_AFTER = List.of("读", "上的学", "上学", "念", "上的大学", "上大学", "上的",
            "上中专", "上中职", "上技校", "上职高", "上高中", "上初中");

    private final PolicyModel model;
    private final Places places;

    SchoolLocation(PolicyModel model, Places places) {
        this.model = model;
        this.places = places;
    }

    /**
     * Where the applicant's school is, from a place named as a school's ("考上了聊城大学", "沈阳的大学") or as where one
     * studied ("在新疆读的"): in the province of the place asked about, or not. A fact set from words is kept.
     */
    void read(List<Token> tokens, List<Clause> clauses, Set<Clause> continuing, List<Place> covered, Map<String, Object> facts) {
        if (model == null || facts.containsKey("school_location")) return;
        for (PhraseIndex.Match<Where> m : places.find(tokens)) {
            Clause c = Clause.of(clauses, m.first());
            if (c == null || c.relative() != null && c.explicit() || continuing.contains(c)) continue;
            String after = text(tokens, m.last() + 1, c.last());
            String before = text(tokens, c.first(), m.first() - 1);
            // "铁岭大学生" are students, not a school; "在铁岭读技校" says where one studies, which the place asked about
            // already says, and is read only of a province ("在新疆读的")
            boolean school = Texts.startsWithAny(after, SCHOOL_AFTER) && !after.startsWith("大学生") && !after.startsWith("的大学生")
                    && !after.startsWith("的大学毕业生") || before.endsWith("在") && Texts.startsWithAny(after, STUDIED_AFTER)
                    // "学校在呼市", "学校是外省的": where the school is, said of it
                    || Texts.endsWithAny(before, SCHOOL_IS);
            if (!school) continue;
            Where w = where(m);
            Place here = covered.isEmpty() ? null : covered.get(0);
            String value;
            // the place asked about, when the message names no other ("在乌鲁木齐读的大学 想去喀什" asks about 喀什)
            if (w.place() != null && (here == null || covered.stream().distinct().count() == 1 && local(w.place(), here))) value = "local";
            else if (here != null) value = model.documentOf(here).info().region().equals(w.province()) ? "same_province" : "other_province";
            else continue;
            facts.put("school_location", value);
            return;
        }
    }

    /** A school's place is where one asks about: that place, or any place of a city's document asked about as a whole. */
    private boolean local(Place school, Place here) {
        if (school.equals(here)) return true;
        PolicyDocument d = model.documentOf(here);
        return d.rootPlace().equals(here) && !here.name().equals(d.info().region()) && model.documentOf(school).equals(d);
    }
}
