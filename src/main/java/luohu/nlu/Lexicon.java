package luohu.nlu;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.List;
import java.util.Map;

/**
 * dialogs/lexicon.yaml: domain words, the phrases that state facts, intents and topics. Data only; the
 * {@link FactExtractor} and {@link IntentClassifier} interpret it.
 */
public record Lexicon(
        List<String> terms,
        Negation negation,
        @JsonProperty("clause_breaks") List<String> clauseBreaks,
        Map<String, List<String>> relatives,
        @JsonProperty("relative_hukou") List<String> relativeHukou,
        @JsonProperty("relative_facts") List<FactPhrase> relativeFacts,
        List<String> joining,
        List<FactPhrase> facts,
        List<DurationCue> durations,
        @JsonProperty("age_fact") String ageFact,
        List<IntentCue> intents,
        @JsonProperty("topic_words") Map<String, List<String>> topicWords,
        @JsonProperty("requirement_subjects") List<RequirementSubject> requirementSubjects,
        @JsonProperty("uncovered_places") List<String> uncoveredPlaces,
        @JsonProperty("dont_know") List<String> dontKnow,
        List<String> more,
        @JsonProperty("family_along") List<String> familyAlong,
        List<IntentCue> asks,
        @JsonProperty("pathway_words") Map<String, List<String>> pathwayWords,
        List<String> hypothetical) {

    /** Negators before a phrase within {@code window} tokens, or right after it. */
    public record Negation(int window, List<String> before, List<String> after) {
    }

    /**
     * Phrases that state facts.
     *
     * @param set          fact values when affirmed; the key "exclude" maps facts to values ruled out
     * @param negated      the same, when negated
     * @param needsVerb    the phrase counts only with one of these words in its clause
     * @param inClauseWith the phrase counts only with one of these in its clause
     * @param ifUnset      only when no other phrase of the message set the fact
     * @param subjectOnly  about the applicant only: ignored in a clause about a relative
     * @param needsSelf    only in a message where the applicant speaks of themselves (我, 俺, 本人) or states
     *                     facts of their own
     * @param needsBefore  the phrase counts only with one of these words before it in its clause (想 in 想落户)
     * @param notInClauseWith the phrase does not count with any of these in its clause (想问 is not 想)
     */
    public record FactPhrase(List<String> words, Map<String, Object> set, Map<String, Object> negated,
                             @JsonProperty("needs_verb") List<String> needsVerb,
                             @JsonProperty("in_clause_with") List<String> inClauseWith,
                             @JsonProperty("if_unset") boolean ifUnset,
                             @JsonProperty("subject_only") boolean subjectOnly,
                             @JsonProperty("needs_self") boolean needsSelf,
                             @JsonProperty("needs_before") List<String> needsBefore,
                             @JsonProperty("not_in_clause_with") List<String> notInClauseWith) {
    }

    /** Words near a duration that say which fact it measures. */
    public record DurationCue(String fact, List<String> words) {
    }

    /**
     * An intent and the words that carry it.
     *
     * @param all    groups of words, one of each must occur
     * @param short_ only in a short message (thanks)
     * @param places the number of different places the message must name (compare: 2)
     * @param maxLength only in a message of at most this many characters, punctuation not counted (0: any)
     */
    public record IntentCue(String id, List<String> words, List<List<String>> all,
                            @JsonProperty("short") boolean short_, int places,
                            @JsonProperty("max_length") int maxLength) {
    }

    /** Asks and pathway words are optional sections: empty when left out. */
    public Lexicon {
        asks = asks == null ? List.of() : asks;
        pathwayWords = pathwayWords == null ? Map.of() : pathwayWords;
        hypothetical = hypothetical == null ? List.of() : hypothetical;
    }

    /** What a "do I need X" question is about. */
    public record RequirementSubject(List<String> words, List<String> facts, String label) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public static Lexicon parse(String yaml) {
        try {
            return YAML.readValue(yaml, Lexicon.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("lexicon.yaml: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }
}
