package luohu;

import luohu.answer.Prompts;
import luohu.dialog.Turn;
import luohu.policy.PolicyModel;
import luohu.store.AskCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Counts what people ask, for the office's report: per document and ISO week, the asks by kind and pathway, how
 * many were answered, the topics where the document is silent, the fallbacks by kind, the pre-check codes issued
 * and opened. Only counters: never a chat, a text or a time finer than the week. A counter that cannot be written
 * is logged and the turn goes on.
 */
public final class AskTally {
    private static final Logger LOG = LoggerFactory.getLogger(AskTally.class);
    /** The actions that answer a question; greetings, thanks, help and the like are not asks. */
    private static final Set<String> ASKS = Set.of("assess", "result", "correct", "compare", "general", "fallback");
    /** The prompts that say a document is silent on what was asked. */
    private static final List<String> SILENCES = List.of("silent", "silent_subject", "practical_silent", "silent_facts",
            "materials_silent", "registration_silent", "family_silent", "policy_validity");
    public static final String NO_DOCUMENT = "none";
    private final AskCounters counters;
    private final Clock clock;
    private volatile List<String> silenceMarks = List.of();
    /** The week of the last day asked about: formatting it is dear, and the day changes once a day. */
    private volatile DayWeek lastWeek = new DayWeek(LocalDate.MIN, "");

    private record DayWeek(LocalDate day, String week) {}

    public AskTally(AskCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /** The fixed words of each silence prompt (its longest part between slots), to recognise it in a reply. */
    void prompts(Prompts prompts) {
        List<String> marks = new ArrayList<>();
        String slot = "\u0001";
        for (String name : SILENCES) {
            if (!prompts.has(name)) continue;
            String said = prompts.say(name, "document", slot, "subject", slot, "topic", slot, "facts", slot, "place", slot, "relative", slot);
            String longest = "";
            for (String part : said.split(slot)) if (part.length() > longest.length()) longest = part;
            if (longest.length() >= 4) marks.add(longest);
        }
        silenceMarks = List.copyOf(marks);
    }

    /** The ISO week of now, "2026-W48". */
    public String week() {
        LocalDate d = LocalDate.ofInstant(clock.instant(), Precheck.ZONE);
        DayWeek last = lastWeek;
        if (last.day().equals(d)) return last.week();
        String week = String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        lastWeek = new DayWeek(d, week);
        return week;
    }

    /** The document id of a place, or {@link #NO_DOCUMENT}. */
    public static String documentOf(PolicyModel model, String place) {
        return place == null ? NO_DOCUMENT : model.place(place).map(p -> model.documentOf(p).info().id()).orElse(NO_DOCUMENT);
    }

    /** Counts one turn. */
    void turn(PolicyModel model, Turn t) {
        if (t.understanding() == null || !ASKS.contains(t.action())) return;
        String doc = documentOf(model, t.session().place());
        String week = week();
        List<String> keys = new ArrayList<>();
        keys.add("asks");
        keys.add("ask:" + t.understanding().ask().id());
        boolean fallback = "fallback".equals(t.action());
        if (fallback) keys.add("fallback:" + t.understanding().intent().id());
        String reply = t.reply().text();
        boolean silent = !fallback && silenceMarks.stream().anyMatch(reply::contains);
        if (silent) {
            List<String> topics = t.understanding().topics();
            if (topics.isEmpty()) keys.add("silent:" + t.understanding().ask().id());
            else topics.forEach(topic -> keys.add("silent:" + topic));
        }
        if (!fallback && !silent) keys.add("answered");
        if (!fallback) for (String f : t.session().focus()) if (!f.contains(":")) keys.add("pathway:" + f);
        add(doc, week, keys);
    }

    void issued(String document) {
        add(document, week(), List.of("codes_issued"));
    }

    public void opened(String document) {
        add(document, week(), List.of("codes_opened"));
    }

    private void add(String document, String week, List<String> keys) {
        try {
            for (String k : keys) counters.add(document, week, k, 1);
        } catch (RuntimeException e) {
            LOG.warn("the report's counters were not updated ({})", e.getClass().getSimpleName());
        }
    }

    public AskCounters counters() {
        return counters;
    }
}
