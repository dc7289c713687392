package luohu.nlu;

import luohu.policy.Excluded;
import luohu.policy.Fact;
import luohu.policy.FactType;
import luohu.policy.FactVocabulary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a segmented message into facts of the shared vocabulary: phrases from the lexicon with their negation,
 * whose fact it is (the applicant's, or the relative's they would join), and durations, ages and years.
 */
public final class FactExtractor {
    private static final Set<String> SELF = Set.of("我", "我的", "俺", "俺的", "本人", "咱", "咱家", "我家", "我们家", "自己", "我们");
    private static final Set<String> PRONOUNS = Set.of("他", "她", "他们", "她们", "他家", "她家");
    /** The subject of a clause opened by 他/她 when no relative was named before. */
    private static final String SOMEONE = "?";

    private final FactVocabulary vocabulary;
    private final Lexicon lexicon;
    private final PhraseIndex<Lexicon.FactPhrase> phrases = new PhraseIndex<>();
    private final PhraseIndex<Lexicon.FactPhrase> relativePhrases = new PhraseIndex<>();
    private final PhraseIndex<String> relatives = new PhraseIndex<>();
    private final PhraseIndex<String> relativeHukou = new PhraseIndex<>();
    private final PhraseIndex<String> joining = new PhraseIndex<>();
    private final PhraseIndex<String> durationCues = new PhraseIndex<>();
    private final PhraseIndex<Boolean> negBefore = new PhraseIndex<>();
    private final PhraseIndex<Boolean> negAfter = new PhraseIndex<>();
    private final Set<String> breaks;

    public FactExtractor(FactVocabulary vocabulary, Lexicon lexicon) {
        this.vocabulary = vocabulary;
        this.lexicon = lexicon;
        for (Lexicon.FactPhrase p : lexicon.facts()) for (String w : p.words()) phrases.add(w, p);
        for (Lexicon.FactPhrase p : lexicon.relativeFacts()) for (String w : p.words()) relativePhrases.add(w, p);
        lexicon.relatives().forEach((rel, words) -> words.forEach(w -> relatives.add(w, rel)));
        lexicon.relativeHukou().forEach(w -> relativeHukou.add(w, w));
        lexicon.joining().forEach(w -> joining.add(w, w));
        for (Lexicon.DurationCue c : lexicon.durations()) for (String w : c.words()) durationCues.add(w, c.fact());
        lexicon.negation().before().forEach(w -> negBefore.add(w, true));
        lexicon.negation().after().forEach(w -> negAfter.add(w, true));
        breaks = new HashSet<>(lexicon.clauseBreaks());
    }

    /** All words the segmenter must keep whole for this extractor to see them. */
    public Set<String> words() {
        Set<String> out = new HashSet<>();
        lexicon.facts().forEach(p -> out.addAll(p.words()));
        lexicon.relativeFacts().forEach(p -> out.addAll(p.words()));
        lexicon.relatives().values().forEach(out::addAll);
        out.addAll(lexicon.relativeHukou());
        lexicon.durations().forEach(d -> out.addAll(d.words()));
        out.addAll(lexicon.negation().before());
        out.addAll(lexicon.negation().after());
        return out;
    }

    /** A clause: a run of tokens between breaks, and whose it is. */
    private record Clause(int first, int last, String relative, boolean explicit) {
    }

    /**
     * @param asked the fact the assistant just asked about, or null: a bare duration answers it
     * @param today for years given as calendar years (2019年毕业)
     */
    public Map<String, Object> extract(String text, List<Token> tokens, List<Quantity> quantities, String asked, LocalDate today) {
        List<Clause> clauses = clauses(tokens);
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, Set<String>> excluded = new HashMap<>();
        List<Runnable> ifUnset = new ArrayList<>();

        boolean self = tokens.stream().anyMatch(t -> SELF.contains(t.text()));
        boolean aboutRelative = asked != null && asked.startsWith("relative_"); // a reply about the relative
        List<Runnable> ifPersonal = new ArrayList<>();
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : phrases.find(tokens)) {
            Clause c = clauseOf(clauses, m.first());
            String clauseText = text(tokens, c);
            String beforeText = text(tokens, c.first(), m.first() - 1);
            for (Lexicon.FactPhrase p : m.values()) {
                // a clause that opens with a relative ("我爸在赤峰买了房") states the relative's facts, not the applicant's
                if (c.relative() != null && c.explicit() || p.subjectOnly() && aboutRelative) continue;
                if (p.needsVerb() != null && p.needsVerb().stream().noneMatch(clauseText::contains)) continue;
                if (p.inClauseWith() != null && p.inClauseWith().stream().noneMatch(w -> !w.equals(m.phrase()) && clauseText.contains(w))) continue;
                boolean negated = negated(tokens, c, m.first(), m.last());
                // what must come before an affirmed phrase need not come before a negated one ("还没办居住证")
                if (!negated && p.needsBefore() != null && p.needsBefore().stream().noneMatch(beforeText::contains)) continue;
                if (p.notInClauseWith() != null && p.notInClauseWith().stream().anyMatch(clauseText::contains)) continue;
                Map<String, Object> values = negated ? p.negated() : p.set();
                if (values == null) continue;
                if (p.needsSelf()) ifPersonal.add(() -> apply(values, facts, excluded, true));
                else if (p.ifUnset()) ifUnset.add(() -> apply(values, facts, excluded, true));
                else apply(values, facts, excluded, false);
            }
        }
        ifUnset.forEach(Runnable::run);
        relativeFacts(tokens, clauses, facts, asked);
        // "老公", "跟我姐": a reply to who the relative is names them
        if ("local_relative".equals(asked) && !facts.containsKey("local_relative")) {
            List<PhraseIndex.Match<String>> named = relatives.find(tokens);
            if (!named.isEmpty()) facts.put("local_relative", named.get(0).values().get(0));
        }
        quantities(text, tokens, clauses, quantities, asked, today, facts);
        // a student names the level they study at, not one they hold ("在读研究生", "读本科，大二")
        if (Boolean.TRUE.equals(facts.get("currently_student")) && facts.containsKey("education") && !facts.containsKey("enrolled_level")) {
            Object level = facts.remove("education");
            if (vocabulary.get("enrolled_level").valueIds().contains(level)) facts.put("enrolled_level", level);
        }
        // "能落户吗" is about the asker's own case when they say 我 or tell facts of their own; else it is general
        if (self || !facts.isEmpty() || !excluded.isEmpty()) ifPersonal.forEach(Runnable::run);
        for (Map.Entry<String, Set<String>> e : excluded.entrySet()) {
            if (!facts.containsKey(e.getKey())) facts.put(e.getKey(), closeExclusion(e.getKey(), e.getValue()));
        }
        return facts;
    }

    /** Ruling out every value but one decides it; ruling out owning and renting a home means having none. */
    private Object closeExclusion(String factId, Set<String> out) {
        Fact f = vocabulary.get(factId);
        List<String> left = f.valueIds().stream().filter(v -> !out.contains(v)).toList();
        if (left.size() == 1) return left.get(0);
        if (factId.equals("housing") && out.contains("own") && out.contains("rent")) return "none";
        return new Excluded(out);
    }

    @SuppressWarnings("unchecked")
    private void apply(Map<String, Object> values, Map<String, Object> facts, Map<String, Set<String>> excluded, boolean onlyIfUnset) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getKey().equals("exclude")) {
                ((Map<String, List<String>>) e.getValue()).forEach((f, vs) -> excluded.computeIfAbsent(f, k -> new HashSet<>()).addAll(vs));
                continue;
            }
            if (onlyIfUnset && facts.containsKey(e.getKey())) continue;
            facts.put(e.getKey(), vocabulary.get(e.getKey()).normalise(e.getValue()));
        }
    }

    /** Facts about the relative to be joined: who they are, that they hold hukou here, their rural ties. */
    private void relativeFacts(List<Token> tokens, List<Clause> clauses, Map<String, Object> facts, String asked) {
        // a reply to a question about the relative ("没有宅基地") is about the relative throughout
        String lastRelative = asked != null && asked.startsWith("relative_") ? SOMEONE : null;
        for (Clause c : clauses) {
            List<Token> part = tokens.subList(c.first(), c.last() + 1);
            String rel = c.relative();
            if (rel != null && !rel.equals(SOMEONE)) lastRelative = rel;
            // 投靠我女儿 / 投靠他: joining names the relative
            for (PhraseIndex.Match<String> j : joining.find(part)) {
                List<Token> after = part.subList(j.last() + 1, Math.min(part.size(), j.last() + 4));
                List<PhraseIndex.Match<String>> r = relatives.find(after);
                if (!r.isEmpty()) facts.put("local_relative", r.get(0).values().get(0));
                else if (lastRelative != null && !lastRelative.equals(SOMEONE) && after.stream().anyMatch(t -> PRONOUNS.contains(t.text()))) facts.put("local_relative", lastRelative);
            }
            if (rel == null) {
                if (lastRelative == null || c.explicit()) continue;
                rel = lastRelative; // a clause with no subject of its own continues the last relative's
            }
            boolean named = c.relative() != null && !PRONOUNS.contains(part.get(0).text());
            if (c.explicit() && named && relativeHukou.occursIn(part)) facts.put("local_relative", rel);
            for (PhraseIndex.Match<Lexicon.FactPhrase> m : relativePhrases.find(part)) {
                boolean negated = negated(tokens, c, c.first() + m.first(), c.first() + m.last());
                for (Lexicon.FactPhrase p : m.values()) {
                    Map<String, Object> values = negated ? p.negated() : p.set();
                    if (values != null) apply(values, facts, new HashMap<>(), false);
                }
            }
        }
    }

    private void quantities(String text, List<Token> tokens, List<Clause> clauses, List<Quantity> quantities,
                            String asked, LocalDate today, Map<String, Object> facts) {
        List<PhraseIndex.Match<String>> cues = durationCues(tokens);
        for (Quantity q : quantities) {
            if (text.startsWith("不是", Math.max(0, q.start() - 2))) continue; // "住了六年，不是六个月": the value put right
            int at = tokenAt(tokens, q.start());
            Clause c = clauseOf(clauses, at);
            boolean aboutRelative = c != null && c.relative() != null && c.explicit();
            if (q.age() != null) {
                if (!aboutRelative && !"relative_adult".equals(asked)) put(facts, lexicon.ageFact(), (double) q.age());
                else if ("relative_adult".equals(asked) || c != null && "child".equals(c.relative())) facts.put("relative_adult", q.age() >= 18);
                continue;
            }
            if (q.year() != null) {
                // "2019年毕业", "2019年大专毕业"
                String after = text.substring(q.end(), Math.min(text.length(), q.end() + 6));
                if (after.contains("毕业") && !aboutRelative) put(facts, "graduation_years", (double) Math.max(0, today.getYear() - q.year()));
                continue;
            }
            String fact = cueFor(cues, clauses, at, c);
            if (aboutRelative && !"child_school_years".equals(fact)) continue; // the child's schooling is theirs
            if (fact == null && asked != null && vocabulary.get(asked).type().numeric()) fact = asked;
            if (fact == null) continue;
            Fact f = vocabulary.get(fact);
            put(facts, fact, f.type() == FactType.MONTHS ? (double) Math.round(q.months()) : q.months() / 12.0);
        }
    }

    /**
     * Duration cues: whole-token matches, and cues of two or more characters ending a longer token, since the
     * segmenter may keep "大专毕业" whole while "毕业" is the cue.
     */
    private List<PhraseIndex.Match<String>> durationCues(List<Token> tokens) {
        List<PhraseIndex.Match<String>> out = new ArrayList<>(durationCues.find(tokens));
        Set<Integer> covered = new HashSet<>();
        for (PhraseIndex.Match<String> m : out) for (int i = m.first(); i <= m.last(); i++) covered.add(i);
        for (int i = 0; i < tokens.size(); i++) {
            if (covered.contains(i)) continue;
            String t = tokens.get(i).text();
            for (Lexicon.DurationCue c : lexicon.durations()) {
                String w = c.words().stream().filter(x -> x.length() >= 2 && t.length() > x.length() && t.endsWith(x)).findFirst().orElse(null);
                if (w != null) {
                    out.add(new PhraseIndex.Match<>(i, i, w, List.of(c.fact())));
                    break;
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(PhraseIndex.Match::first));
        return out;
    }

    private void put(Map<String, Object> facts, String fact, double value) {
        Fact f = vocabulary.get(fact);
        facts.put(fact, f.normalise(f.type() == FactType.MONTHS ? (Object) (int) value : (Object) value));
    }

    /** The duration cue nearest before the quantity in its clause, else after it, else in earlier clauses. */
    private static String cueFor(List<PhraseIndex.Match<String>> cues, List<Clause> clauses, int at, Clause c) {
        PhraseIndex.Match<String> before = null, after = null, earlier = null;
        for (PhraseIndex.Match<String> m : cues) {
            boolean same = c != null && m.first() >= c.first() && m.last() <= c.last();
            if (same && m.last() < at) before = m;
            else if (same && m.first() > at && after == null) after = m;
            else if (!same && m.last() < at) earlier = m;
        }
        PhraseIndex.Match<String> pick = before != null ? before : after != null ? after : earlier;
        return pick == null ? null : pick.values().get(0);
    }

    private boolean negated(List<Token> tokens, Clause c, int first, int last) {
        int from = Math.max(c.first(), first - lexicon.negation().window());
        for (PhraseIndex.Match<Boolean> n : negBefore.find(tokens.subList(from, first))) {
            if (n.last() + from < first) return true;
        }
        int to = Math.min(c.last() + 1, last + 7);
        if (last + 1 < to) return negAfter.occursIn(tokens.subList(last + 1, to));
        return false;
    }

    private List<Clause> clauses(List<Token> tokens) {
        List<Clause> out = new ArrayList<>();
        int start = 0;
        String named = null;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean end = i == tokens.size() || tokens.get(i).punctuation() || breaks.contains(tokens.get(i).text());
            if (!end) continue;
            if (i > start) {
                Clause c = clause(tokens, start, i - 1);
                if (c.relative() == null && PRONOUNS.contains(tokens.get(start).text())) {
                    c = new Clause(c.first(), c.last(), named != null ? named : SOMEONE, true); // 他是农村户口
                } else if (c.relative() != null) {
                    named = c.relative();
                }
                out.add(c);
            }
            start = i + 1;
        }
        return out;
    }

    /** Whose clause it is: a relative named at its start ("我老公是…"), the applicant ("我…"), or nobody said. */
    private Clause clause(List<Token> tokens, int first, int last) {
        int i = first;
        boolean self = false;
        if (i < last && tokens.get(i).text().equals("是")) i++; // a correction's "是我老公是…"
        while (i <= last && SELF.contains(tokens.get(i).text())) {
            i++;
            self = true;
        }
        if (i <= last) {
            List<PhraseIndex.Match<String>> r = relatives.find(tokens.subList(i, Math.min(last + 1, i + 2)));
            if (!r.isEmpty() && r.get(0).first() == 0) return new Clause(first, last, r.get(0).values().get(0), true);
        }
        return new Clause(first, last, null, self);
    }

    private static Clause clauseOf(List<Clause> clauses, int token) {
        for (Clause c : clauses) if (token >= c.first() && token <= c.last()) return c;
        return clauses.isEmpty() ? null : clauses.get(clauses.size() - 1);
    }

    private static int tokenAt(List<Token> tokens, int charPos) {
        for (int i = 0; i < tokens.size(); i++) if (tokens.get(i).end() > charPos) return i;
        return tokens.size() - 1;
    }

    private static String text(List<Token> tokens, Clause c) {
        return c == null ? "" : text(tokens, c.first(), c.last());
    }

    private static String text(List<Token> tokens, int first, int last) {
        StringBuilder sb = new StringBuilder();
        for (int i = first; i <= last; i++) sb.append(tokens.get(i).text());
        return sb.toString();
    }
}
