package luohu.nlu;

import luohu.policy.Facts;

import java.util.List;

/**
 * What one message says: its intent, the facts it states, the places it names, and the words it was cut into.
 *
 * @param topics the topics of policies/topics.yaml the message touches, for general questions
 * @param requirementFacts for a "do I need X" question, the facts X is about
 * @param requirementLabel plain words for X
 * @param dontKnow         the message says the applicant does not know or will not say ("不清楚")
 * @param more             the message asks to go on with the pathways still open ("继续")
 * @param familyAlong      the message asks who may come along ("我爸妈能一起迁吗")
 * @param ask              what the message wants to know
 * @param pathwayTopics    the topics of pathways its words point at ("随军" → military_family)
 * @param hypothetical     a what-if ("如果买房呢"): its facts are to be tried, not recorded
 * @param applicant        null when the person typing is the one who would settle; else who that person is to the
 *                         one typing, a relation id of dialogs/lexicon.yaml {@code relatives} (spouse, parent,
 *                         child, grandparent, grandchild, parent_in_law, child_in_law, sibling, other). The facts
 *                         are then that person's, and local_relative is said from their side ("帮我孙子问…，我是
 *                         聊城户口": applicant grandchild, local_relative grandparent)
 * @param rejected         values the message states that cannot be true (a negative duration, more months than a
 *                         lifetime, an age over 150): not in {@code facts}; the reply should ask again, saying why
 */
public record Understanding(String normalised, Intent intent, Facts facts, PlaceMentions places,
                            List<String> topics, List<String> requirementFacts, String requirementLabel,
                            boolean dontKnow, boolean more, boolean familyAlong, List<Token> tokens,
                            Ask ask, List<String> pathwayTopics, boolean hypothetical,
                            String applicant, List<Rejected> rejected) {
    public Understanding {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /**
     * The document the message is about: that of the first place it names. None when it compares places of
     * different documents, or a covered place with one no document covers ("赤峰跟铁岭哪个好落户", "青岛和聊城"), or
     * asks about something else than settling ("明天赤峰下雨不"): it is then about no one document, though the dialog
     * still has every place named to compare.
     */
    public String document() {
        luohu.policy.Place first = places.first();
        if (first == null || intent == Intent.OUT_OF_SCOPE) return null;
        if (intent == Intent.COMPARE && (!places.uncovered().isEmpty()
                || places.covered().stream().anyMatch(p -> !p.documentId().equals(first.documentId())))) return null;
        return first.documentId();
    }

    /** The same message about these topics (a follow-up about the topics asked before). */
    public Understanding withTopics(List<String> other) {
        return new Understanding(normalised, intent, facts, places, other, requirementFacts, requirementLabel, dontKnow,
                more, familyAlong, tokens, ask, pathwayTopics, hypothetical, applicant, rejected);
    }

    /** The same message naming these places (a correction's "不是喀什是哈密" names the second). */
    public Understanding withPlaces(PlaceMentions other) {
        return new Understanding(normalised, intent, facts, other, topics, requirementFacts, requirementLabel, dontKnow,
                more, familyAlong, tokens, ask, pathwayTopics, hypothetical, applicant, rejected);
    }

    /** The same message asking something else: an elliptical follow-up ("老丈人呢") asks what was asked before. */
    public Understanding withAsk(Ask other, Intent newIntent) {
        return new Understanding(normalised, newIntent, facts, places, topics, requirementFacts, requirementLabel, dontKnow,
                more, familyAlong, tokens, other, pathwayTopics, hypothetical, applicant, rejected);
    }

    /** The same message about another applicant: a relative named as one who comes along is not who settles. */
    public Understanding withApplicant(String other) {
        return new Understanding(normalised, intent, facts, places, topics, requirementFacts, requirementLabel, dontKnow,
                more, familyAlong, tokens, ask, pathwayTopics, hypothetical, other, rejected);
    }

    /** Understanding of a message about the person typing, with nothing rejected. */
    public Understanding(String normalised, Intent intent, Facts facts, PlaceMentions places,
                         List<String> topics, List<String> requirementFacts, String requirementLabel,
                         boolean dontKnow, boolean more, boolean familyAlong, List<Token> tokens,
                         Ask ask, List<String> pathwayTopics, boolean hypothetical) {
        this(normalised, intent, facts, places, topics, requirementFacts, requirementLabel, dontKnow, more, familyAlong,
                tokens, ask, pathwayTopics, hypothetical, null, List.of());
    }
}
