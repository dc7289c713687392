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
        List<String> hypothetical,
        @JsonProperty("applicant_cues") ApplicantCues applicantCues,
        @JsonProperty("place_aliases") Map<String, List<String>> placeAliases,
        @JsonProperty("fact_topics") Map<String, List<String>> factTopics,
        @JsonProperty("case_topics") List<String> caseTopics,
        List<String> elliptical,
        @JsonProperty("common_pairs") List<String> commonPairs,
        @JsonProperty("relation_terms") Map<String, List<String>> relationTerms,
        @JsonProperty("fact_implies") Map<String, List<String>> factImplies,
        @JsonProperty("note_cues") List<String> noteCues,
        @JsonProperty("town_kinds") List<String> townKinds,
        @JsonProperty("validity_words") List<String> validityWords,
        @JsonProperty("answering_topics") List<String> answeringTopics,
        @JsonProperty("silent_topics") List<String> silentTopics,
        @JsonProperty("fact_subjects") Map<String, List<String>> factSubjects,
        @JsonProperty("focus_subjects") List<String> focusSubjects,
        Map<String, Region> regions,
        @JsonProperty("hukou_place") HukouPlace hukouPlace,
        @JsonProperty("rule_questions") List<String> ruleQuestions,
        @JsonProperty("subject_binders") List<String> subjectBinders,
        @JsonProperty("subject_binder_endings") List<String> subjectBinderEndings,
        @JsonProperty("home_owner_cues") List<String> homeOwnerCues,
        @JsonProperty("self_owner_cues") List<String> selfOwnerCues,
        @JsonProperty("own_home_words") List<String> ownHomeWords,
        @JsonProperty("owner_cannot_settle") List<String> ownerCannotSettle,
        @JsonProperty("fact_pathway_topics") Map<String, List<String>> factPathwayTopics,
        @JsonProperty("fact_entails") Map<String, Map<String, Object>> factEntails,
        @JsonProperty("people_kinds") List<String> peopleKinds,
        @JsonProperty("rule_topics") List<String> ruleTopics,
        @JsonProperty("relative_gender") Map<String, List<String>> relativeGender,
        Map<String, List<String>> prefectures,
        @JsonProperty("sibling_spouses") List<String> siblingSpouses,
        @JsonProperty("spouse_siblings") List<String> spouseSiblings,
        @JsonProperty("parents_siblings") List<String> parentsSiblings,
        @JsonProperty("settling_onto") List<String> settlingOnto,
        @JsonProperty("where_words") List<String> whereWords,
        @JsonProperty("said_before") List<String> saidBefore,
        @JsonProperty("group_topics") Map<String, String> groupTopics,
        @JsonProperty("rule_strictness") List<String> ruleStrictness,
        @JsonProperty("open_settling") OpenSettling openSettling,
        Map<String, List<String>> spellings,
        @JsonProperty("whole_words") List<String> wholeWords,
        @JsonProperty("result_named") List<String> resultNamed,
        @JsonProperty("correction_named") List<String> correctionNamed,
        @JsonProperty("earlier_turn") List<String> earlierTurn,
        @JsonProperty("question_words") List<String> questionWords,
        @JsonProperty("settling_said") List<String> settlingSaid,
        @JsonProperty("settle_at") SettleAt settleAt,
        @JsonProperty("run_on") RunOn runOn,
        @JsonProperty("years_ago") Map<String, Integer> yearsAgo,
        @JsonProperty("village_words") List<String> villageWords,
        @JsonProperty("time_parts") List<String> timeParts) {

    /** Asks, pathway words, applicant cues and place aliases are optional sections: empty when left out. */
    public Lexicon {
        asks = asks == null ? List.of() : asks;
        pathwayWords = pathwayWords == null ? Map.of() : pathwayWords;
        hypothetical = hypothetical == null ? List.of() : hypothetical;
        factTopics = factTopics == null ? Map.of() : factTopics;
        caseTopics = caseTopics == null ? List.of() : caseTopics;
        elliptical = elliptical == null ? List.of() : elliptical;
        commonPairs = commonPairs == null ? List.of() : commonPairs;
        relationTerms = relationTerms == null ? Map.of() : relationTerms;
        factImplies = factImplies == null ? Map.of() : factImplies;
        noteCues = noteCues == null ? List.of() : noteCues;
        townKinds = townKinds == null ? List.of() : townKinds;
        validityWords = validityWords == null ? List.of() : validityWords;
        answeringTopics = answeringTopics == null ? List.of() : answeringTopics;
        silentTopics = silentTopics == null ? List.of() : silentTopics;
        factSubjects = factSubjects == null ? Map.of() : factSubjects;
        focusSubjects = focusSubjects == null ? List.of() : focusSubjects;
        placeAliases = placeAliases == null ? Map.of() : placeAliases;
        applicantCues = applicantCues == null ? new ApplicantCues(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null) : applicantCues;
        regions = regions == null ? Map.of() : regions;
        hukouPlace = hukouPlace == null ? new HukouPlace(List.of(), List.of(), List.of(), List.of()) : hukouPlace;
        ruleQuestions = ruleQuestions == null ? List.of() : ruleQuestions;
        saidBefore = saidBefore == null ? List.of() : saidBefore;
        groupTopics = groupTopics == null ? Map.of() : groupTopics;
        ruleStrictness = ruleStrictness == null ? List.of() : ruleStrictness;
        openSettling = openSettling == null ? new OpenSettling(null, List.of()) : openSettling;
        resultNamed = resultNamed == null ? List.of() : resultNamed;
        correctionNamed = correctionNamed == null ? List.of() : correctionNamed;
        earlierTurn = earlierTurn == null ? List.of() : earlierTurn;
        subjectBinders = subjectBinders == null ? List.of() : subjectBinders;
        subjectBinderEndings = subjectBinderEndings == null ? List.of() : subjectBinderEndings;
        homeOwnerCues = homeOwnerCues == null ? List.of() : homeOwnerCues;
        selfOwnerCues = selfOwnerCues == null ? List.of() : selfOwnerCues;
        ownHomeWords = ownHomeWords == null ? List.of() : ownHomeWords;
        ownerCannotSettle = ownerCannotSettle == null ? List.of() : ownerCannotSettle;
        factPathwayTopics = factPathwayTopics == null ? Map.of() : factPathwayTopics;
        factEntails = factEntails == null ? Map.of() : factEntails;
        peopleKinds = peopleKinds == null ? List.of() : peopleKinds;
        ruleTopics = ruleTopics == null ? List.of() : ruleTopics;
        relativeGender = relativeGender == null ? Map.of() : relativeGender;
        prefectures = prefectures == null ? Map.of() : prefectures;
        siblingSpouses = siblingSpouses == null ? List.of() : siblingSpouses;
        spouseSiblings = spouseSiblings == null ? List.of() : spouseSiblings;
        parentsSiblings = parentsSiblings == null ? List.of() : parentsSiblings;
        settlingOnto = settlingOnto == null ? List.of() : settlingOnto;
        whereWords = whereWords == null ? List.of() : whereWords;
        spellings = spellings == null ? Map.of() : spellings;
        wholeWords = wholeWords == null ? List.of() : wholeWords;
        yearsAgo = yearsAgo == null ? Map.of() : yearsAgo;
        villageWords = villageWords == null ? List.of() : villageWords;
        timeParts = timeParts == null ? List.of() : timeParts;
        runOn = runOn == null ? new RunOn(0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null) : runOn;
        questionWords = questionWords == null ? List.of() : questionWords;
        settlingSaid = settlingSaid == null ? List.of() : settlingSaid;
        settleAt = settleAt == null ? new SettleAt(List.of(), List.of(), List.of()) : settleAt;
    }

    /**
     * Words asking whether a place lets anyone settle ("全放开了", "能随便落户吗") and the topic whose rules say which
     * limits it lifted.
     */
    public record OpenSettling(String topic, List<String> words) {
        public OpenSettling {
            words = words == null ? List.of() : words;
        }
    }

    /**
     * A province: its own short forms and its prefecture-level cities (a city written without 市 matches with it too).
     */
    public record Region(List<String> names, List<String> cities) {
        public Region {
            names = names == null ? List.of() : names;
            cities = cities == null ? List.of() : cities;
        }
    }

    /**
     * How a message says where the applicant's hukou is: a place with one of {@code before} right before it, one of
     * {@code after} right after it, or between the two words of an {@code around} pair (a second word ending in $
     * must close the clause). {@code skip}: words that may stand between a cue and the place (老家, 的). A word of one
     * character must be a whole token.
     */
    public record HukouPlace(List<String> before, List<String> after, List<String> skip, List<List<String>> around) {
        public HukouPlace {
            before = before == null ? List.of() : before;
            after = after == null ? List.of() : after;
            skip = skip == null ? List.of() : skip;
            around = around == null ? List.of() : around;
        }
    }

    /**
     * Negation binds to the phrase it modifies: a negator within {@code window} tokens before a phrase, or right
     * after it, with no other fact phrase and no affirming word ({@code affirm}: 有, 办了) between.
     *
     * @param prefixes a token that starts with one of these is a negator too (还没拿到, 没交, 未办)
     */
    public record Negation(int window, List<String> before, List<String> after, List<String> affirm, List<String> prefixes,
                           List<String> uncounted, @JsonProperty("made_good") MadeGood madeGood, List<String> objects,
                           Rhetorical rhetorical) {
        public Negation {
            rhetorical = rhetorical == null ? new Rhetorical(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of()) : rhetorical;
            affirm = affirm == null ? List.of() : affirm;
            prefixes = prefixes == null ? List.of() : prefixes;
            uncounted = uncounted == null ? List.of() : uncounted;
            madeGood = madeGood == null ? new MadeGood(List.of(), List.of()) : madeGood;
            objects = objects == null ? List.of() : objects;
        }
    }

    /**
     * A rhetorical frame says the opposite of its surface ("难道我没交社保吗": paid; "我哪有房": none; "又不是没工作": a job):
     * the facts after it in its clause take the other polarity. The frame's own word ends before the negator it may
     * carry ("又不是|没工作", "能|没户口吗"): that negator is the inner statement's.
     *
     * @param openers        frames wherever they stand in a clause (难道, 谁说, 哪有, 不是没)
     * @param retorts        frames only in a clause that ends as a question (能没…吗, 还能不是…？)
     * @param openingRetorts frames that open their clause, ending as a question ("说我没技术？")
     * @param questionEnds   how such a clause ends (吗, 不成, ?)
     * @param notAfter       a word before a frame that makes it a real question ("在哪有", "去哪交", "是不是没交")
     * @param conditions     words after a frame that make it a condition asked about ("难道没交社保就不能落户吗")
     * @param opposites      per fact, the value that is the opposite of another one a phrase says (employment none: employee)
     * @param affirming      frames of a question that asserts its statement as said, their 不 no negator ("我妈不就在我家住着吗")
     */
    public record Rhetorical(List<String> openers, List<String> retorts, @JsonProperty("opening_retorts") List<String> openingRetorts,
                             @JsonProperty("question_ends") List<String> questionEnds, @JsonProperty("not_after") List<String> notAfter,
                             List<String> conditions, List<String> affirming, Map<String, Map<String, String>> opposites) {
        public Rhetorical {
            openers = openers == null ? List.of() : openers;
            retorts = retorts == null ? List.of() : retorts;
            openingRetorts = openingRetorts == null ? List.of() : openingRetorts;
            questionEnds = questionEnds == null ? List.of() : questionEnds;
            notAfter = notAfter == null ? List.of() : notAfter;
            conditions = conditions == null ? List.of() : conditions;
            affirming = affirming == null ? List.of() : affirming;
            opposites = opposites == null ? Map.of() : opposites;
        }
    }

    /**
     * A thing said not had, then had after all in the next clause, which names no thing of its own ("一直没办执照，这两年才
     * 办上", "第一家没签合同，现在这家签了"): a time since ({@code since}) and a verb of getting it done ({@code done}).
     */
    public record MadeGood(List<String> since, List<String> done) {
        public MadeGood {
            since = since == null ? List.of() : since;
            done = done == null ? List.of() : done;
        }
    }

    /**
     * How a message says that the one who would settle is a relative of the person typing.
     *
     * @param askingFor  words that ask on someone's behalf before the relative: 帮, 替, 给 (帮我儿子问一下)
     * @param askingVerbs the asking that follows: 问, 咨询, 打听
     * @param plans      in a relative's clauses before a subjectless "能落户吗", words of the relative's own plans
     *                   (想去聊城工作, 毕业了) that make the relative the one asked about
     * @param relativeContinues facts that a clause with no subject, going on about a relative, states of the relative
     *                   ("我儿子在吐鲁番有户口，还没成家")
     * @param actingVerbs other things done on someone's behalf, after 帮我/替我 (帮我妈准备材料, 帮我判断下我儿子)
     * @param naming     words that name whom the conversation is about, before the relative (前面说的是我闺女)
     * @param switching  words that open a follow-up by switching to another person, before the relative (换成我小姨子行不,
     *                   再问问我大姨子的): the follow-up asks for that person as well as naming them
     * @param aboutWhatWasSaid words of a clause in which the speaker only speaks of what they said (我更正下, 我刚才说成…):
     *                   such a clause does not make the message about the speaker
     * @param bringing  words by which the speaker brings someone here (把, 让): the one brought, before a word of
     *                  settling ({@code bringingVerbs}) in the same clause, is the one who would settle
     * @param movingTo   words by which one who would settle comes to someone (落到我家, 跟我住, 迁到他那): that one is
     *                   then the relative they would join
     * @param departed   words, right after a relative, saying they have died (我爸去世了): a relative spoken of only so
     *                   settles nowhere
     * @param passingOn  words by which staff bring in someone they serve (有个群众, 有居民问): what the speaker told of
     *                   themselves before is their own, not the case's
     * @param received   words of something given to the speaker (送我的, 过户给我): a relative who gave it is not the one
     *                   whose case the message tells
     */
    public record ApplicantCues(@JsonProperty("asking_for") List<String> askingFor,
                                @JsonProperty("asking_verbs") List<String> askingVerbs,
                                List<String> plans,
                                @JsonProperty("relative_continues") List<String> relativeContinues,
                                @JsonProperty("acting_verbs") List<String> actingVerbs,
                                List<String> naming,
                                List<String> switching,
                                @JsonProperty("about_what_was_said") List<String> aboutWhatWasSaid,
                                @JsonProperty("moving_to") List<String> movingTo,
                                List<String> bringing,
                                @JsonProperty("bringing_verbs") List<String> bringingVerbs,
                                List<String> speaker,
                                List<String> elders,
                                List<String> staff,
                                @JsonProperty("passing_on") List<String> passingOn,
                                List<String> departed,
                                List<String> received) {
        public ApplicantCues {
            askingFor = askingFor == null ? List.of() : askingFor;
            askingVerbs = askingVerbs == null ? List.of() : askingVerbs;
            plans = plans == null ? List.of() : plans;
            relativeContinues = relativeContinues == null ? List.of() : relativeContinues;
            actingVerbs = actingVerbs == null ? List.of() : actingVerbs;
            naming = naming == null ? List.of() : naming;
            switching = switching == null ? List.of() : switching;
            aboutWhatWasSaid = aboutWhatWasSaid == null ? List.of() : aboutWhatWasSaid;
            movingTo = movingTo == null ? List.of() : movingTo;
            bringing = bringing == null ? List.of() : bringing;
            bringingVerbs = bringingVerbs == null ? List.of() : bringingVerbs;
            speaker = speaker == null ? List.of() : speaker;
            elders = elders == null ? List.of() : elders;
            staff = staff == null ? List.of() : staff;
            passingOn = passingOn == null ? List.of() : passingOn;
            departed = departed == null ? List.of() : departed;
            received = received == null ? List.of() : received;
        }
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
     * @param cueOnly      the phrase states nothing: it only tells who settles (想落户, 能落户吗)
     * @param inMessageWith the phrase counts only with one of these words somewhere else in the message ("私企" alone,
     *                     answering what kind of employer, names the kind; "在私企上班" says one works there)
     * @param notInMessageWith the phrase does not count with any of these words anywhere in the message ("合同签了两年"
     *                     after "房子是租的" is a lease)
     * @param notSoonAfter the phrase does not count right after one of these words, with nothing but a place's name
     *                     between (农村 in "户口在河南农村租房住" is where the hukou is, not where one lives)
     * @param ofFamily     said of the applicant's family, so read also in a clause opened by the applicant's spouse or
     *                     child ("我老婆在老家种地": the family has not moved together)
     */
    public record FactPhrase(List<String> words, Map<String, Object> set, Map<String, Object> negated,
                             @JsonProperty("needs_verb") List<String> needsVerb,
                             @JsonProperty("in_clause_with") List<String> inClauseWith,
                             @JsonProperty("if_unset") boolean ifUnset,
                             @JsonProperty("subject_only") boolean subjectOnly,
                             @JsonProperty("needs_self") boolean needsSelf,
                             @JsonProperty("needs_before") List<String> needsBefore,
                             @JsonProperty("not_in_clause_with") List<String> notInClauseWith,
                             @JsonProperty("cue_only") boolean cueOnly,
                             @JsonProperty("in_message_with") List<String> inMessageWith,
                             @JsonProperty("not_in_message_with") List<String> notInMessageWith,
                             @JsonProperty("not_after") List<String> notAfter,
                             @JsonProperty("not_soon_after") List<String> notSoonAfter,
                             @JsonProperty("of_family") boolean ofFamily) {
    }

    /**
     * Asking whether one can settle at a place: the verbs (能落, 能迁到), what ends the question (吗, 不), and what names a
     * household or a register rather than a place (学校, 集体户, 户口本).
     */
    public record SettleAt(List<String> verbs, List<String> ends, @JsonProperty("not_places") List<String> notPlaces) {
    }

    /**
     * Where a statement typed in one run, with no punctuation or space, ends and the next begins (dialogs/lexicon.yaml,
     * run_on): see {@link RunOnBreaks}.
     *
     * @param minChars    runs shorter than this are read as typed
     * @param particles   words that close a statement ("…五年了|营业执照有…")
     * @param counting    words that go on counting after 了 ("住了|三年", "开了|个店")
     * @param units       words that end a count after a number ("五年", "七十岁")
     * @param afterUnits  words that go on after such a unit ("五年了", "一年半", "两年零三个月")
     * @param openers     words that open a statement after any word that may end one (我, 现在, 想…)
     * @param afterWork   words that open a statement after a trade, a verb of working or living, or a count
     * @param afterPlace  words that open a statement after a place
     * @param had         words saying a thing named before them is had or lacking ("营业执照有|然后…")
     * @param afterDe     words that open a statement after a 的 that closes one ("我是二连的|在…")
     * @param asking      words of asking after which the one asked about opens a statement ("帮我问问|他…")
     * @param hukouKinds  words before 户口 that say its kind, with which it ends a statement ("本地户口|想…")
     * @param afterCount  words that open a statement after a count, besides those after work ("三年|能落吗")
     * @param endingVerbs verbs that end a statement ("毕业|在…", "退休了")
     * @param verbEndings endings of a domain word that make it a verb taking what follows ("迁到|我家")
     * @param papers      papers that open what is said of them after any noun ("开了个店|执照有")
     * @param hukouWhere  words after 户口 that say where it is: 户口 opens a statement after a place ("住在开原|户口在…")
     * @param thingKinds  words before a thing that say its kind ("个体执照", "职工社保"): no new statement there
     * @param wishes      words of wishing or asking that open a statement after a verb that ends one ("…住|能落…不")
     */
    public record RunOn(@JsonProperty("min_chars") int minChars, List<String> particles, List<String> counting,
                        List<String> units, @JsonProperty("after_units") List<String> afterUnits, List<String> openers,
                        @JsonProperty("after_work") List<String> afterWork,
                        @JsonProperty("after_place") List<String> afterPlace, List<String> had,
                        @JsonProperty("after_de") List<String> afterDe, List<String> asking,
                        @JsonProperty("hukou_kinds") List<String> hukouKinds,
                        @JsonProperty("after_count") List<String> afterCount,
                        @JsonProperty("ending_verbs") List<String> endingVerbs,
                        @JsonProperty("verb_endings") List<String> verbEndings, List<String> papers,
                        @JsonProperty("hukou_where") List<String> hukouWhere,
                        @JsonProperty("thing_kinds") List<String> thingKinds, List<String> wishes) {
        public RunOn {
            particles = particles == null ? List.of() : particles;
            counting = counting == null ? List.of() : counting;
            units = units == null ? List.of() : units;
            afterUnits = afterUnits == null ? List.of() : afterUnits;
            openers = openers == null ? List.of() : openers;
            afterWork = afterWork == null ? List.of() : afterWork;
            afterPlace = afterPlace == null ? List.of() : afterPlace;
            had = had == null ? List.of() : had;
            afterDe = afterDe == null ? List.of() : afterDe;
            asking = asking == null ? List.of() : asking;
            hukouKinds = hukouKinds == null ? List.of() : hukouKinds;
            afterCount = afterCount == null ? List.of() : afterCount;
            endingVerbs = endingVerbs == null ? List.of() : endingVerbs;
            verbEndings = verbEndings == null ? List.of() : verbEndings;
            papers = papers == null ? List.of() : papers;
            hukouWhere = hukouWhere == null ? List.of() : hukouWhere;
            thingKinds = thingKinds == null ? List.of() : thingKinds;
            wishes = wishes == null ? List.of() : wishes;
        }
    }

    /** Words near a duration that say which fact it measures; fact {@value #UNMEASURED}: a time no fact counts (work). */
    public record DurationCue(String fact, List<String> words) {
        public static final String UNMEASURED = "none";

        /** Whether the time these words measure is no fact's ("干了三年": work), so that it is nobody's to take. */
        public boolean unmeasured() {
            return UNMEASURED.equals(fact);
        }
    }

    /**
     * An intent and the words that carry it.
     *
     * @param all    groups of words, one of each must occur
     * @param short_ only in a short message (thanks)
     * @param places the number of different places the message must name (compare: 2)
     * @param maxLength only in a message of at most this many characters, punctuation not counted (0: any)
     * @param notWith   not in a message with any of these words ("行" is a short yes, "行不行" a question)
     */
    public record IntentCue(String id, List<String> words, List<List<String>> all,
                            @JsonProperty("short") boolean short_, int places,
                            @JsonProperty("max_length") int maxLength,
                            @JsonProperty("not_with") List<String> notWith) {
    }

    /** What a "do I need X" question is about. */
    public record RequirementSubject(List<String> words, List<String> facts, String label) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /**
     * Checks every fact and value the lexicon names against the fact vocabulary, so that a misspelt id stops
     * start-up with one line naming the entry, as a broken policy file does.
     *
     * @return this lexicon
     * @throws IllegalArgumentException naming the section, the entry and the bad id or value
     */
    public Lexicon validated(luohu.policy.FactVocabulary vocabulary) {
        checkPhrases("facts", facts, vocabulary);
        checkPhrases("relative_facts", relativeFacts, vocabulary);
        if (durations != null) {
            for (int i = 0; i < durations.size(); i++) {
                DurationCue d = durations.get(i);
                String where = "durations[" + i + "]";
                if (d.unmeasured()) continue;
                var f = vocabulary.find(d.fact()).orElseThrow(() -> bad(where, "no such fact " + d.fact()));
                if (!f.type().numeric()) throw bad("durations[" + i + "]", d.fact() + " is not a number of months or years");
            }
        }
        if (ageFact != null && vocabulary.find(ageFact).isEmpty()) throw bad("age_fact", "no such fact " + ageFact);
        if (relatives != null) {
            var relation = vocabulary.find("local_relative").orElse(null);
            for (String r : relatives.keySet()) {
                if (relation != null && !relation.valueIds().contains(r)) {
                    throw bad("relatives." + r, "local_relative takes one of " + String.join(", ", relation.valueIds()) + ", not " + r);
                }
            }
        }
        if (negation == null) throw bad("negation", "missing");
        for (String f : applicantCues.relativeContinues()) {
            if (vocabulary.find(f).isEmpty()) throw bad("applicant_cues.relative_continues", "no such fact " + f);
        }
        for (Map.Entry<String, Map<String, Object>> e : factEntails.entrySet()) {
            String where = "fact_entails." + e.getKey();
            String[] said = e.getKey().split("=", 2);
            if (said.length != 2) throw bad(where, "a key is fact=value");
            var f = vocabulary.find(said[0]).orElseThrow(() -> bad(where, "no such fact " + said[0]));
            try {
                f.normalise(said[1]);
            } catch (IllegalArgumentException ex) {
                throw bad(where, ex.getMessage());
            }
            for (Map.Entry<String, Object> v : e.getValue().entrySet()) {
                var g = vocabulary.find(v.getKey()).orElseThrow(() -> bad(where, "no such fact " + v.getKey()));
                try {
                    g.normalise(v.getValue());
                } catch (IllegalArgumentException ex) {
                    throw bad(where, ex.getMessage());
                }
            }
        }
        for (String f : factPathwayTopics.keySet()) {
            if (vocabulary.find(f).isEmpty()) throw bad("fact_pathway_topics." + f, "no such fact " + f);
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private static void checkPhrases(String section, List<FactPhrase> phrases, luohu.policy.FactVocabulary vocabulary) {
        if (phrases == null) return;
        for (int i = 0; i < phrases.size(); i++) {
            FactPhrase p = phrases.get(i);
            String where = section + "[" + i + "]" + (p.words() == null || p.words().isEmpty() ? "" : " (" + p.words().get(0) + ")");
            if (p.words() == null || p.words().isEmpty()) throw bad(where, "no words");
            for (var values : java.util.Arrays.asList(p.set(), p.negated())) {
                if (values == null) continue;
                for (Map.Entry<String, Object> e : values.entrySet()) {
                    if (e.getKey().equals("exclude")) {
                        if (!(e.getValue() instanceof Map<?, ?> m)) throw bad(where, "exclude takes a map of fact to values");
                        for (Map.Entry<?, ?> x : m.entrySet()) {
                            var f = vocabulary.find(String.valueOf(x.getKey())).orElseThrow(() -> bad(where, "exclude: no such fact " + x.getKey()));
                            if (!(x.getValue() instanceof List<?> vs)) throw bad(where, "exclude." + x.getKey() + " takes a list of values");
                            for (Object v : vs) {
                                if (!f.valueIds().contains(String.valueOf(v))) {
                                    throw bad(where, "exclude." + f.id() + ": " + f.id() + " takes one of " + String.join(", ", f.valueIds()) + ", not " + v);
                                }
                            }
                        }
                        continue;
                    }
                    var f = vocabulary.find(e.getKey()).orElseThrow(() -> bad(where, "no such fact " + e.getKey()));
                    try {
                        f.normalise(e.getValue());
                    } catch (IllegalArgumentException ex) {
                        throw bad(where, ex.getMessage());
                    }
                }
            }
        }
    }

    private static IllegalArgumentException bad(String where, String what) {
        return new IllegalArgumentException("lexicon.yaml: " + where + ": " + what);
    }

    public static Lexicon parse(String yaml) {
        try {
            return YAML.readValue(yaml, Lexicon.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("lexicon.yaml: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }
}
