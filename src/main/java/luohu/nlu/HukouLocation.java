package luohu.nlu;

import luohu.nlu.Places.Where;
import luohu.policy.DocumentInfo;
import luohu.policy.Place;
import luohu.policy.PolicyModel;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static luohu.nlu.ClauseMentions.wanting;
import static luohu.nlu.Places.where;
import static luohu.nlu.TokenText.endsWith;
import static luohu.nlu.TokenText.startsWith;
import static luohu.nlu.TokenText.text;

/** Where the applicant's hukou is said to be, read against the place asked about. */
final class HukouLocation {
    private final PolicyModel model;
    private final Lexicon lexicon;
    private final Places places;
    private final PhraseIndex<Lexicon.FactPhrase> phrases;
    private final PhraseIndex<String> joining;
    private final FactWriter writer;

    HukouLocation(PolicyModel model, Lexicon lexicon, Places places, PhraseIndex<Lexicon.FactPhrase> phrases,
                  PhraseIndex<String> joining, FactWriter writer) {
        this.model = model;
        this.lexicon = lexicon;
        this.places = places;
        this.phrases = phrases;
        this.joining = joining;
        this.writer = writer;
    }

    /**
     * Where the applicant's hukou is, read against the place asked about ("户口在通辽" asked about 赤峰: in the
     * province, not here). Facts stated in words ("外省户口") are kept.
     *
     * @return the document of the hukou's place when the message asks about a place of another document, else null
     */
    String read(List<Token> tokens, List<Clause> clauses, Set<Clause> continuing, boolean aboutRelative,
                List<Place> named, Map<String, Object> facts) {
        if (model == null || places.isEmpty()) return null;
        List<PhraseIndex.Match<Where>> all = places.find(tokens);
        if (all.isEmpty()) return null;
        boolean[] isPlace = new boolean[tokens.size()], isHukou = new boolean[tokens.size()];
        for (PhraseIndex.Match<Where> m : all) for (int i = m.first(); i <= m.last(); i++) isPlace[i] = true;
        Where hukou = null, denied = null;
        for (PhraseIndex.Match<Where> m : all) {
            Clause c = Clause.of(clauses, m.first());
            int from = c == null ? -1 : saysHukou(tokens, c, m, isPlace);
            if (from < 0) continue;
            // a relative's hukou ("我二舅是乌市户口"): where the relative is, which may be the place asked about
            if (aboutRelative || c.relative() != null && c.explicit() || continuing.contains(c)) continue;
            // "没赤峰户口", "不是二连户口": a hukou said not to be at a place says only that it is not there
            if (from > c.first() && DENYING.contains(tokens.get(from - 1).text())) {
                denied = where(m);
                continue;
            }
            for (int i = from; i <= m.last(); i++) if (isPlace[i] || i >= m.first()) isHukou[i] = true;
            Where w = where(m);
            // the most specific: a covered place before a province or city of the lexicon, the later of two
            if (hukou == null || w.place() != null || hukou.place() == null) hukou = w;
        }
        // "在吉林 户口也在那": a hukou said to be where a place was just named
        if (hukou == null) hukou = thereNamedBefore(tokens, clauses, continuing, aboutRelative, all, isHukou);
        if (hukou == null) {
            // …of the place asked about, that it is not local
            if (denied != null && denied.place() != null && (named.isEmpty() || named.get(0).equals(denied.place()))) {
                writer.apply(Map.of("local_hukou", false), facts, new HashMap<>(), true);
            }
            return null;
        }
        Place here = null;
        for (PhraseIndex.Match<Where> m : all) {
            if (isHukou[m.first()] || where(m).place() == null) continue;
            // "东阿老家": one's home village, not the place asked about
            if (startsWith(tokens, m.last() + 1, tokens.size() - 1, "老家")) continue;
            // "想来铁岭市区跟我们住": where one would move is the place asked about before where one lives now
            if (here == null || movingTo(tokens, m.first())) here = where(m).place();
            if (movingTo(tokens, m.first())) break;
        }
        if (here == null) {
            // (a place of the hukou's own document too: "户口在巴林右旗村里" said of a case about 林西县)
            for (Place p : named) {
                if (hukou.place() == null || !p.equals(hukou.place())) {
                    here = p;
                    break;
                }
            }
        }
        boolean wantsToSettle = false;
        List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions = phrases.find(tokens);
        for (Clause c : clauses) wantsToSettle |= wanting(tokens, c, mentions);
        Map<String, Object> out = new LinkedHashMap<>();
        if (here == null && hukou.place() != null) here = hukou.place(); // the only place named is the one asked about
        if (here == null) {
            // nothing asked about yet: a province that holds no document is another province wherever it is asked
            String province = hukou.province();
            if (model.documents().stream().noneMatch(d -> d.info().region().equals(province))) {
                out.put("hukou_in_province", false);
                out.put("local_hukou", false);
            }
        } else {
            DocumentInfo doc = model.documentOf(here).info();
            if (hukou.place() != null && hukou.place().documentId().equals(here.documentId())) {
                // "户口在赤峰农村，想迁到赤峰市区": wanting to move it here says it is not here yet; joining someone
                // here, the place may be theirs
                if (hukou.place().name().equals(here.name())) {
                    // "户口在开原农村" asked about 开原: the countryside of the place, neither here nor elsewhere
                    if (!wantsToSettle && !joining.occursIn(tokens) && !inCountryside(tokens, isHukou)) out.put("local_hukou", true);
                }
                else {
                    out.put("hukou_in_province", true);
                    // a document for a province: another of its places is another prefecture ("户口在和田", asked about
                    // 乌市); a document for one city: another of its counties is within the city, neither here nor away
                    // ("户口在墨玉县", asked about 和田), unless both are of one prefecture: then as a county of a city
                    if (doc.governs().equals(doc.region()) && !places.samePrefecture(hukou.place(), here)) out.put("local_hukou", false);
                }
            } else if (hukou.province().equals(doc.region())) {
                out.put("hukou_in_province", true);
                out.put("local_hukou", false);
            } else {
                out.put("hukou_in_province", false);
                out.put("local_hukou", false);
            }
        }
        writer.apply(out, facts, new HashMap<>(), true);
        return hukou.place() != null && here != null && !hukou.place().documentId().equals(here.documentId())
                ? hukou.place().documentId() : null;
    }

    /**
     * Whether the clause says the hukou is at the place matched: a cue before it, after it, or around it.
     *
     * @return the first token of the places named together with it ("辽宁大连"), or -1
     */
    int saysHukou(List<Token> tokens, Clause c, PhraseIndex.Match<Where> m, boolean[] isPlace) {
        Lexicon.HukouPlace cues = lexicon.hukouPlace();
        boolean atSchool = Texts.containsAny(text(tokens, 0, tokens.size() - 1), AT_SCHOOL);
        int end = m.first() - 1;
        boolean found = false;
        while (!found) {
            for (String w : cues.before()) found |= endsWith(tokens, c.first(), end, w);
            for (List<String> pair : cues.around()) {
                // "俺们是巴林右旗农村的" of a student whose hukou went to the school: where one is from, not the hukou
                if (pair.size() == 2 && pair.get(1).endsWith("的$") && atSchool) continue;
                found |= pair.size() == 2 && endsWith(tokens, c.first(), end, pair.get(0)) && startsWith(tokens, m.last() + 1, c.last(), pair.get(1));
            }
            // "户口还在老家德州": a hukou phrase the segmenter keeps whole, ending in a cue or a word that may stand between
            if (!found && end >= c.first()) found = hukouToken(tokens.get(end).text(), cues);
            if (found) break;
            if (end >= c.first() && (isPlace[end] || cues.skip().contains(tokens.get(end).text()))) end--;
            else break;
        }
        for (String w : cues.after()) found |= startsWith(tokens, m.last() + 1, c.last(), w);
        // "户口随她妈上在呼市了", "外孙女户口随她爸在黑龙江", "出生随他妈上在沈阳了": with the one it was registered with
        if (!found && end >= c.first()) found = WITH_SOMEONE.matcher(text(tokens, c.first(), end)).find();
        // "户口还在她爸那 在四川", "户口在她前夫那边 甘肃": the place said in the clause after the one it is with
        if (!found && end < c.first() + 1 && m.last() >= c.last() - 1 && afterWithSomeone(tokens, c)) found = true;
        return found ? end + 1 : -1;
    }

    /** Words right before a hukou's place that deny it is there ("没赤峰户口", "不是二连户口"). */
    private static final Set<String> DENYING = Set.of("没", "没有", "不是", "无", "非", "没得", "木有");

    /** Words saying the hukou went to a school, or one studies at a university. */
    private static final List<String> AT_SCHOOL = List.of("迁学校", "在学校", "学校集体户", "上大学", "念大学", "读大学", "迁到学校");

    /** A hukou with someone, the place to follow: "户口随她妈上在", "户口跟着他爸在", "出生随他妈上在". */
    private static final java.util.regex.Pattern WITH_SOMEONE = java.util.regex.Pattern.compile(
            "(户口|户籍|出生)\\p{IsHan}{0,3}?(随|跟着|跟)\\p{IsHan}{1,4}?(上在|落在|在)$");
    /** A hukou said to be with someone, ending its clause ("户口还在她爸那", "户口一直在他奶奶那", "户口在她前夫那边"). */
    private static final java.util.regex.Pattern WITH_SOMEONE_THERE = java.util.regex.Pattern.compile(
            "(户口|户籍)\\p{IsHan}{0,3}?在\\p{IsHan}{1,6}?(那边|那儿|那里|那|家)$");

    /** The clause before [c] says the hukou is with someone, and [c] names only where ("在四川", "吉林四平"). */
    private boolean afterWithSomeone(List<Token> tokens, Clause c) {
        int before = c.first() - 1;
        while (before >= 0 && tokens.get(before).punctuation()) before--;
        if (before < 0) return false;
        int from = before;
        while (from > 0 && !tokens.get(from - 1).punctuation() && tokens.get(from).start() == tokens.get(from - 1).end()) from--;
        return WITH_SOMEONE_THERE.matcher(text(tokens, from, before)).find();
    }

    private static final java.util.regex.Pattern THERE = java.util.regex.Pattern.compile(
            "(?:户口|户籍)(?:也|还|都|一直|就)?(?:在|落在)那(?:里|儿|边|块)?$");

    /** The place named last before a clause of the applicant's that says the hukou is there ("…在吉林 户口也在那"). */
    private Where thereNamedBefore(List<Token> tokens, List<Clause> clauses, Set<Clause> continuing, boolean aboutRelative,
                                   List<PhraseIndex.Match<Where>> all, boolean[] isHukou) {
        if (aboutRelative) return null;
        for (Clause c : clauses) {
            if (c.relative() != null && c.explicit() || continuing.contains(c) || !THERE.matcher(c.text()).find()) continue;
            PhraseIndex.Match<Where> last = null;
            for (PhraseIndex.Match<Where> m : all) if (m.last() < c.first()) last = m;
            if (last == null) return null;
            for (int i = last.first(); i <= last.last(); i++) isHukou[i] = true;
            return where(last);
        }
        return null;
    }

    /** A token that says the hukou and ends where a place would follow ("户口还在老家", "户口在"). */
    private static boolean hukouToken(String t, Lexicon.HukouPlace cues) {
        if (!t.startsWith("户口") && !t.startsWith("户籍")) return false;
        return Texts.endsWithAny(t, cues.before()) || cues.skip().stream().anyMatch(w -> w.length() > 1 && t.endsWith(w));
    }

    /** Words right after the hukou's place that put it in the place's countryside ("户口在开原农村"). */
    private static final List<String> COUNTRYSIDE = List.of("农村", "乡下", "村里", "牧区", "嘎查", "村子", "乡里", "下面的村", "下边的村",
            "农村的", "乡下的", "村里的");

    private static boolean inCountryside(List<Token> tokens, boolean[] isHukou) {
        for (int i = 1; i < tokens.size(); i++) {
            if (!isHukou[i - 1] || isHukou[i]) continue;
            // "户口在阿克苏的农村": a 的 may come between the place and its countryside
            int at = tokens.get(i).text().equals("的") && i + 1 < tokens.size() ? i + 1 : i;
            for (String w : COUNTRYSIDE) if (startsWith(tokens, at, tokens.size() - 1, w)) return true;
        }
        return false;
    }

    /** Words right before a place that name it as where one would move ("想来铁岭市区", "落到二连", "迁到红山区"). */
    private static final List<String> MOVING_TO = List.of("想来", "想去", "想到", "想落到", "想迁到", "落到", "迁到", "迁去", "迁来", "落在", "投靠");

    private static boolean movingTo(List<Token> tokens, int at) {
        for (String w : MOVING_TO) if (endsWith(tokens, 0, at - 1, w)) return true;
        return false;
    }
}
