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
 */
public record Understanding(String normalised, Intent intent, Facts facts, PlaceMentions places,
                            List<String> topics, List<String> requirementFacts, String requirementLabel,
                            boolean dontKnow, boolean more, boolean familyAlong, List<Token> tokens,
                            Ask ask, List<String> pathwayTopics, boolean hypothetical) {
}
