package luohu.channel.web;

import luohu.nlu.Normalizer;
import luohu.nlu.Segmenter;
import luohu.nlu.Token;
import luohu.policy.Clause;
import luohu.policy.Place;
import luohu.policy.PolicyDocument;
import luohu.policy.PolicyModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Word search over every clause of every document. Clauses (heading and text) are segmented with HanLP and the
 * domain words, and indexed word → clauses. A query is segmented the same way; a word that names a covered place
 * narrows the search to that place's document instead of being looked for. Clauses rank by how many of the query's
 * words they contain, then by how often and how rare those words are. A word of two or more characters also matches
 * inside a longer word of the text (租房 in 租房户), so segmentation differences between query and text do not hide a
 * clause.
 */
public final class ClauseIndex {
    /** Words that carry no meaning for a search: question words and particles. */
    private static final Set<String> STOP = Set.of("吗", "呢", "吧", "啊", "呀", "的", "了", "和", "与", "及", "或", "是", "在", "有",
            "什么", "怎么", "怎样", "如何", "哪些", "哪里", "哪", "多少", "能", "能否", "可以", "可不可以", "是否", "需要", "要",
            "请问", "我", "我们", "您", "你", "他", "她", "想", "有没有", "是不是", "一下", "关于", "规定", "条款");

    /** One clause with its words counted. */
    private record Entry(Clause clause, PolicyDocument document, String text, Map<String, Integer> counts) {
    }

    /** A clause that matched, with the query's words it contains. */
    public record Hit(Clause clause, PolicyDocument document, List<String> matched, double score) {
    }

    /**
     * @param words     the words looked for
     * @param documents ids of the documents searched, when the query or the caller narrowed the search
     */
    public record Result(List<String> words, List<String> documents, List<Hit> hits) {
    }

    private final PolicyModel model;
    private final Segmenter segmenter;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, List<Entry>> byWord = new HashMap<>();

    public ClauseIndex(PolicyModel model, Segmenter segmenter) {
        this.model = model;
        this.segmenter = segmenter;
        for (PolicyDocument d : model.documents()) {
            for (Clause c : d.clauses().values()) {
                String text = normalise((c.heading() == null ? "" : c.heading() + " ") + c.text());
                Map<String, Integer> counts = new HashMap<>();
                for (String w : words(text)) counts.merge(w, 1, Integer::sum);
                Entry e = new Entry(c, d, text, counts);
                entries.add(e);
                for (String w : counts.keySet()) byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** The ids of the documents indexed. */
    public List<String> documentIds() {
        return model.documents().stream().map(PolicyDocument::id).toList();
    }

    public int size() {
        return entries.size();
    }

    /** The clause with this id, with its document. */
    public Optional<Hit> clause(String id) {
        return entries.stream().filter(e -> e.clause().id().equals(id)).findFirst()
                .map(e -> new Hit(e.clause(), e.document(), List.of(), 0));
    }

    /**
     * @param query      words as typed (any punctuation, 简繁, full-width)
     * @param documentId only this document's clauses, or null for every document
     */
    public Result search(String query, String documentId, int limit) {
        Set<String> docs = new LinkedHashSet<>();
        if (documentId != null) docs.add(documentId);
        List<String> words = new ArrayList<>();
        for (String w : words(normalise(query))) {
            Optional<Place> place = model.place(w);
            if (place.isPresent() && documentId == null) docs.add(place.get().documentId());
            else if (place.isEmpty() && !words.contains(w)) words.add(w);
        }
        List<Hit> hits = new ArrayList<>();
        for (Entry e : entries) {
            if (!docs.isEmpty() && !docs.contains(e.document().id())) continue;
            List<String> matched = new ArrayList<>();
            double score = 0;
            for (String w : words) {
                int n = occurrences(e, w);
                if (n == 0) continue;
                matched.add(w);
                score += (1 + Math.log(n)) * Math.log(1 + (double) entries.size() / frequency(w));
            }
            if (!matched.isEmpty() || (words.isEmpty() && !docs.isEmpty())) hits.add(new Hit(e.clause(), e.document(), matched, score));
        }
        hits.sort(Comparator.comparingInt((Hit h) -> h.matched().size()).thenComparingDouble(Hit::score).reversed());
        return new Result(words, List.copyOf(docs), hits.subList(0, Math.min(limit, hits.size())));
    }

    /** How often a word occurs in a clause: as a word of its own, or inside longer words when it has 2+ characters. */
    private static int occurrences(Entry e, String w) {
        int asWord = e.counts().getOrDefault(w, 0);
        if (w.length() < 2) return asWord;
        int inside = 0;
        for (int i = e.text().indexOf(w); i >= 0; i = e.text().indexOf(w, i + w.length())) inside++;
        return Math.max(asWord, inside);
    }

    /** In how many clauses a word occurs (at least 1, for the weight). */
    private int frequency(String w) {
        if (w.length() < 2) return Math.max(1, byWord.getOrDefault(w, List.of()).size());
        int n = 0;
        for (Entry e : entries) if (e.counts().containsKey(w) || e.text().contains(w)) n++;
        return Math.max(1, n);
    }

    /** The searchable words of a normalised text: no punctuation, no stop words. */
    private List<String> words(String normalised) {
        List<String> out = new ArrayList<>();
        for (Token t : segmenter.segment(normalised)) {
            String w = t.text().strip();
            if (w.isEmpty() || t.punctuation() || STOP.contains(w) || !w.codePoints().anyMatch(Character::isLetterOrDigit)) continue;
            out.add(w);
        }
        return out;
    }

    /** The normaliser cuts long input; clauses are normalised in pieces so that no text is lost. */
    private static String normalise(String text) {
        if (text.length() <= Normalizer.MAX_CHARS) return Normalizer.normalise(text);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i += Normalizer.MAX_CHARS) {
            sb.append(Normalizer.normalise(text.substring(i, Math.min(text.length(), i + Normalizer.MAX_CHARS))));
        }
        return sb.toString();
    }
}
