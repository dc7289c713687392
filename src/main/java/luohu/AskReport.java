package luohu;

import luohu.store.AskCounters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The office's report of what citizens ask, from the counters alone: per document and ISO week, the asks by kind
 * and pathway, the share answered, the topics where the document is silent, the fallbacks by kind, and the
 * pre-check codes issued and opened.
 */
public final class AskReport {
    /** One document's week. */
    public record Week(String document, String week, long asks, long answered, Map<String, Long> byAsk, Map<String, Long> byPathway,
                       Map<String, Long> silent, Map<String, Long> fallbacks, long codesIssued, long codesOpened) {
        /** The share of asks answered, 0 to 1 (0 when nothing was asked). */
        public double answeredShare() {
            return asks == 0 ? 0 : (double) answered / asks;
        }
    }

    private AskReport() {
    }

    public static List<Week> of(List<AskCounters.Count> counts) {
        Map<String, Map<String, Long>> byWeek = new TreeMap<>();
        for (AskCounters.Count c : counts) {
            byWeek.computeIfAbsent(c.document() + "\u0000" + c.week(), k -> new TreeMap<>()).merge(c.key(), c.n(), Long::sum);
        }
        List<Week> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> e : byWeek.entrySet()) {
            String[] dw = e.getKey().split("\u0000", 2);
            Map<String, Long> k = e.getValue();
            out.add(new Week(dw[0], dw[1], k.getOrDefault("asks", 0L), k.getOrDefault("answered", 0L), prefixed(k, "ask:"),
                    prefixed(k, "pathway:"), prefixed(k, "silent:"), prefixed(k, "fallback:"),
                    k.getOrDefault("codes_issued", 0L), k.getOrDefault("codes_opened", 0L)));
        }
        return out;
    }

    private static Map<String, Long> prefixed(Map<String, Long> keys, String prefix) {
        Map<String, Long> out = new LinkedHashMap<>();
        keys.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey().substring(prefix.length()), e.getValue()));
        return out;
    }

    /** The report as plain text, a block per document and week. */
    public static String text(List<Week> weeks) {
        if (weeks.isEmpty()) return "No asks counted yet.";
        StringBuilder sb = new StringBuilder();
        for (Week w : weeks) {
            if (sb.length() > 0) sb.append("\n");
            sb.append(w.document()).append(" · ").append(w.week()).append("\n");
            sb.append(String.format("  asks %d, answered %d (%.0f%%); pre-check codes issued %d, opened %d%n", w.asks(), w.answered(),
                    100 * w.answeredShare(), w.codesIssued(), w.codesOpened()));
            line(sb, "by kind", w.byAsk());
            line(sb, "by pathway", w.byPathway());
            line(sb, "document silent on", w.silent());
            line(sb, "fallbacks by kind", w.fallbacks());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, Map<String, Long> m) {
        if (m.isEmpty()) return;
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + " " + v));
        sb.append("  ").append(label).append(": ").append(String.join(", ", parts)).append("\n");
    }
}
