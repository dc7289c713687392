package luohu.nlu;

import luohu.policy.Fact;
import luohu.policy.FactType;
import luohu.policy.FactVocabulary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static luohu.nlu.Clause.textOf;
import static luohu.nlu.TokenText.text;
import static luohu.nlu.TokenText.tokenAt;

/** Reads ages, years and durations as facts: which fact each quantity measures, by the cues near it. */
final class QuantityFacts {
    /** Words right before an age that make it a child's, one of several ("老大10岁", "小的才满月"). */
    private static final List<String> CHILDREN_BY_ORDER = List.of("大的", "小的", "老大", "老二", "老三", "大的才", "小的才");
    /** Words right before a time that make it time still to come ("再交四个月", "还差两个月"). */
    private static final List<String> MORE_TO_COME = List.of("再", "再等", "在等", "再交", "再住", "再租", "还差", "还要", "还得", "差");
    /** Words of breaking off, said not to have happened ("一个月都没断过"). */
    private static final List<String> BREAKS = List.of("断", "停", "间断", "中断", "落下", "欠", "耽误", "拉下");
    /** Housing that is rented: living there for a time may be renting it that long. */
    private static final Set<String> RENTED = Set.of("rent", "public_rental");
    private static final Pattern RENTING_THROUGHOUT = Pattern.compile("(?:一直|始终|都是)(?:都|是|在)?(?:是|在)?租");

    private final FactVocabulary vocabulary;
    private final Lexicon lexicon;
    private final GeneralQuestions general;
    private final FactWriter writer;
    private final PhraseIndex<String> durationCues = new PhraseIndex<>();
    /** Duration cues that may end a longer word ("交了" in 已交了), in the lexicon's order: word, fact. */
    private final List<String[]> durationEndings = new ArrayList<>();

    QuantityFacts(FactVocabulary vocabulary, Lexicon lexicon, GeneralQuestions general, FactWriter writer) {
        this.vocabulary = vocabulary;
        this.lexicon = lexicon;
        this.general = general;
        this.writer = writer;
        for (Lexicon.DurationCue c : lexicon.durations()) for (String w : c.words()) durationCues.add(w, c.fact());
        for (Lexicon.DurationCue c : lexicon.durations()) {
            for (String w : c.words()) if (w.length() >= 2) durationEndings.add(new String[]{w, c.fact()});
        }
        for (Lexicon.FactPhrase p : lexicon.facts()) {
            if (p.set() == null || !p.set().containsKey("education")) continue;
            for (String w : p.words()) if (w.length() <= 4 && !w.contains("毕业")) levels.add(w);
        }
        levels.add("大学");
    }

    /** Words of a level of schooling ("大专", "本科"), from the lexicon's phrases of education. */
    private final Set<String> levels = new HashSet<>();
    private static final Pattern GRADUATED = Pattern.compile("(?:刚|才)?(\\p{IsHan}{1,4}?)(?:刚|才)?毕业");

    /**
     * "去年大专毕业", "前年本科刚毕业": a year said relative to now, a level of schooling between it and 毕业, counts the
     * years since graduating as "去年毕业" does.
     */
    void graduatedYearsAgo(String text, List<Token> tokens, List<Clause> clauses, Map<String, Object> facts) {
        if (facts.containsKey("graduation_years")) return;
        for (Map.Entry<String, Integer> y : lexicon.yearsAgo().entrySet()) {
            for (int at = text.indexOf(y.getKey()); at >= 0; at = text.indexOf(y.getKey(), at + 1)) {
                java.util.regex.Matcher m = GRADUATED.matcher(text).region(at + y.getKey().length(), text.length());
                if (!m.lookingAt() || !levels.contains(m.group(1))) continue;
                Clause c = Clause.of(clauses, tokenAt(tokens, at));
                if (c != null && c.relative() != null && c.explicit()) continue; // "我儿子去年本科毕业": his
                writer.put(facts, "graduation_years", y.getValue());
                if (y.getValue() > 0) facts.putIfAbsent("currently_student", false);
                return;
            }
        }
    }

    /**
     * The facts the quantities measure: an age, a year of graduating, or a duration of the fact whose cue is nearest;
     * impossible values go to rejected, and the start of every quantity read or rejected to used.
     */
    void read(String text, List<Token> tokens, List<Clause> clauses, Set<Clause> others, List<Quantity> quantities,
              String asked, LocalDate today, Map<String, Object> facts, List<Rejected> rejected, Set<Integer> used) {
        List<PhraseIndex.Match<String>> cues = durationCues(tokens);
        Integer statedAge = null;
        Set<Integer> ages = new HashSet<>();
        // "我38岁 儿子16岁": the one age said in a clause that names the applicant as its subject, if only one is
        Integer ownAge = null;
        boolean ownAges = false;
        // "申请人 男 42 … 其父 74岁": a clause that goes on about the one typing, when a relative applies, says their age
        for (Quantity q : quantities) {
            if (q.age() == null || !q.usable() || text.startsWith("不是", Math.max(0, q.start() - 2))) continue;
            statedAge = q.age();
            if (Texts.containsAny(text.substring(Math.max(0, q.start() - 3), q.start()), CHILDREN_BY_ORDER)) continue; // 老大10岁
            Clause of = Clause.of(clauses, tokenAt(tokens, q.start()));
            if (of != null && (of.relative() != null && of.explicit() || others.contains(of))) continue;
            ages.add(q.age());
            if (!Clause.saysOwn(Clause.of(clauses, tokenAt(tokens, q.start())))) continue;
            ownAges |= ownAge != null && !ownAge.equals(q.age());
            ownAge = q.age();
        }
        if (ownAges) ownAge = null;
        // "我爸六十七，我妈六十五": two people's ages, and nothing says whose case it is, unless one is the applicant's own
        boolean severalAges = ages.size() > 1;
        // the times read so far by fact, in months
        Map<String, Double> told = new java.util.HashMap<>();
        for (Quantity q : quantities) {
            if (text.startsWith("不是", Math.max(0, q.start() - 2))) continue; // "住了六年，不是六个月": the value put right
            // "房租一个月一千二", "一个月也挣不了几个钱": a sum by the month or year is a rate, not a time had
            if (q.duration() && rate(text, q.end())) {
                used.add(q.start());
                continue;
            }
            // "再交四个月", "还差两个月": time still to come, not time had
            if (MORE_TO_COME.stream().anyMatch(w -> text.startsWith(w, Math.max(0, q.start() - w.length())))) continue;
            // "一个月没断": a time said not to have been broken off is no time had
            if (q.duration() && (unbroken(text, q.end() + 1) && text.startsWith("没", q.end()) || unbroken(text, q.end() + 2) && text.startsWith("没有", q.end()))) {
                used.add(q.start());
                continue;
            }
            // "一个月都没交": not even that long, i.e. none
            if (text.startsWith("都没", q.end()) || text.startsWith("也没", q.end())) {
                if (q.duration() && q.months() <= 1 && !unbroken(text, q.end() + 2)) {
                    int after = Math.min(tokens.size() - 1, tokenAt(tokens, q.end()) + 1);
                    String fact = cueFor(cues, clauses, after, Clause.of(clauses, after));
                    if (Lexicon.DurationCue.UNMEASURED.equals(fact)) fact = null; // "干了…也没": work counts no fact
                    if (fact == null && asked != null && vocabulary.get(asked).type().numeric()) fact = asked;
                    if (fact != null) writer.put(facts, fact, 0);
                    used.add(q.start());
                }
                continue;
            }
            int at = tokenAt(tokens, q.start());
            Clause c = Clause.of(clauses, at);
            // "要不要先交够一年社保才行": a length asked about as a rule is nobody's
            if (general.ruleQuestion(tokens, c, textOf(c))) continue;
            boolean aboutRelative = c != null && c.relative() != null && c.explicit();
            String written = text.substring(q.start(), q.end());
            if (q.age() != null) {
                if (others.contains(c) && !"relative_adult".equals(asked)) continue;
                // "俩孩子…大的5岁小的才满月": the children's ages, not the one typing
                String lead = text.substring(Math.max(0, q.start() - 3), q.start());
                if (Texts.containsAny(lead, CHILDREN_BY_ORDER)) continue;
                String fact = !aboutRelative && !"relative_adult".equals(asked) ? lexicon.ageFact()
                        : "relative_adult".equals(asked) || c != null && "child".equals(c.relative()) ? "relative_adult" : null;
                if (fact == null || severalAges && fact.equals(lexicon.ageFact()) && q.usable()
                        && !(q.age().equals(ownAge) && Clause.saysOwn(Clause.of(clauses, tokenAt(tokens, q.start()))))) continue;
                used.add(q.start());
                if (!q.usable()) rejected.add(new Rejected(fact.equals("relative_adult") ? null : fact, written, q.problem()));
                else if (fact.equals("relative_adult")) facts.put("relative_adult", q.age() >= 18);
                else writer.put(facts, fact, (double) q.age());
                continue;
            }
            if (q.year() != null) {
                // "2019年毕业", "2019年大专毕业"
                String after = text.substring(q.end(), Math.min(text.length(), q.end() + 6));
                if (after.contains("毕业") && !aboutRelative) {
                    writer.put(facts, "graduation_years", (double) Math.max(0, today.getYear() - q.year()));
                    used.add(q.start());
                }
                continue;
            }
            PhraseIndex.Match<String> cue = cueAt(cues, at, c);
            String fact = cue == null ? null : cue.values().get(0);
            // "在私企干了三年": a time of work is no fact's, nor the insurance's named a clause before
            if (Lexicon.DurationCue.UNMEASURED.equals(fact)) continue;
            if (aboutRelative && !"child_school_years".equals(fact)) continue; // the child's schooling is theirs
            if (fact == null && asked != null && vocabulary.get(asked).type().numeric()) fact = asked;
            if (fact == null) {
                if (!q.usable()) rejected.add(new Rejected(null, written, q.problem()));
                continue;
            }
            used.add(q.start());
            String problem = q.problem();
            // a time here longer than the life the message states
            if (problem == null && statedAge != null && q.months() > statedAge * 12.0 + 12) problem = Quantity.BEYOND_LIFETIME;
            if (problem != null) {
                rejected.add(new Rejected(fact, written, problem));
                facts.remove(fact);
                continue;
            }
            Fact f = vocabulary.get(fact);
            // "社保是一年零两个月 前头在别的单位交过半年": a shorter time told after as a part of it is not the whole
            if (told.containsKey(fact) && told.get(fact) > q.months() && partOfTold(text, tokens, c, at)) continue;
            told.put(fact, q.months());
            writer.put(facts, fact, f.type() == FactType.MONTHS ? (double) Math.round(q.months()) : q.months() / 12.0);
            // "租房住了一年多", "公租房 我在里面住了两年": living that long in a rented home is renting it that long
            if (fact.equals("residence_months") && cue != null && cue.phrase().startsWith("住") && RENTED.contains(String.valueOf(facts.get("housing")))
                    && !facts.containsKey("lease_months") && rentedBefore(text, q.start())) {
                writer.put(facts, "lease_months", Math.round(q.months()));
            }
        }
    }

    /** The clause of the time, up to it, opens with a word of a part of a time told (lexicon time_parts: 前头, 其中). */
    private boolean partOfTold(String text, List<Token> tokens, Clause c, int at) {
        if (c == null || at <= c.first()) return false;
        String lead = text(tokens, c.first(), at - 1);
        for (String w : lexicon.timeParts()) if (lead.startsWith(w)) return true;
        return false;
    }

    /** Words of money right after a time make it a rate ("一个月三千多", "一年租金两万", "一个月挣不了几个钱"). */
    private static final Pattern RATE = Pattern.compile("^(?:也|就|才|能|得|要|交|给|的)?(?:挣|赚|工资|租金|房租|开|拿|花|给)?[不了个几]{0,3}"
            + "(?:[0-9零一二两三四五六七八九十百千万]+(?:块|元|多|来)|[0-9零一二两三四五六七八九十]+[百千万]|几个钱|多少钱|几千|几百|几万|挣|赚|工资|租金|房租|块钱)");

    private static boolean rate(String text, int end) {
        return RATE.matcher(text.substring(end, Math.min(text.length(), end + 10))).find();
    }

    /** "一个月都没断过", "一天也没停": not even a month missed says the time was unbroken, not that none was paid. */
    private static boolean unbroken(String text, int at) {
        for (String w : BREAKS) if (text.startsWith(w, at) || text.startsWith("有" + w, at)) return true;
        return false;
    }

    /**
     * "住了五年了 房子是租的" lived there that long and rents now: only a rented home named before the time, or renting
     * said to span it ("住了十来年了一直是租房子住的"), is renting that long.
     */
    private static boolean rentedBefore(String text, int at) {
        return text.lastIndexOf('租', at) >= 0 || RENTING_THROUGHOUT.matcher(text).find();
    }

    /**
     * Duration cues: whole-token matches, and cues of two or more characters ending a longer token, since the
     * segmenter may keep "大专毕业" whole while "毕业" is the cue.
     */
    private List<PhraseIndex.Match<String>> durationCues(List<Token> tokens) {
        List<PhraseIndex.Match<String>> out = new ArrayList<>(durationCues.find(tokens));
        boolean[] covered = new boolean[tokens.size()];
        for (PhraseIndex.Match<String> m : out) for (int i = m.first(); i <= m.last(); i++) covered[i] = true;
        List<String> negators = lexicon.negation().prefixes();
        tokens:
        for (int i = 0; i < tokens.size(); i++) {
            if (covered[i]) continue;
            String t = tokens.get(i).text();
            // "没社保 住出租屋两年多": what is said not to be had measures no time
            for (int n = 0; n < negators.size(); n++) if (t.startsWith(negators.get(n))) continue tokens;
            for (String[] e : durationEndings) {
                if (t.length() > e[0].length() && t.endsWith(e[0])) {
                    out.add(new PhraseIndex.Match<>(i, i, e[0], List.of(e[1])));
                    break;
                }
            }
        }
        out.sort(Comparator.comparingInt(PhraseIndex.Match::first));
        return out;
    }

    /** The fact of the duration cue nearest the quantity ({@link #cueAt}). */
    private static String cueFor(List<PhraseIndex.Match<String>> cues, List<Clause> clauses, int at, Clause c) {
        PhraseIndex.Match<String> pick = cueAt(cues, at, c);
        return pick == null ? null : pick.values().get(0);
    }

    /** The duration cue nearest before the quantity in its clause, else after it, else in earlier clauses. */
    private static PhraseIndex.Match<String> cueAt(List<PhraseIndex.Match<String>> cues, int at, Clause c) {
        PhraseIndex.Match<String> before = null, after = null, earlier = null;
        for (PhraseIndex.Match<String> m : cues) {
            boolean same = c != null && m.first() >= c.first() && m.last() <= c.last();
            if (same && m.last() < at) before = m;
            else if (same && m.first() > at && after == null) after = m;
            else if (!same && m.last() < at) earlier = m;
        }
        return before != null ? before : after != null ? after : earlier;
    }
}
