package luohu.nlu;

import luohu.TestAssistants;
import luohu.TestPaths;
import luohu.common.DataFiles;
import luohu.policy.PolicyLoader;
import luohu.policy.PolicyModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages as people type them: polarity per mention, who a fact is about, numbers, places as typed. */
class ReadingAsTypedTest {
    private static final Understander U = TestAssistants.fresh().machine().understander();

    private static Map<String, Object> facts(String text) {
        return U.understand(text, null).facts().asMap();
    }

    private static void has(String text, Object... pairs) {
        Map<String, Object> f = facts(text);
        for (int i = 0; i < pairs.length; i += 2) {
            Object want = pairs[i + 1];
            Object got = f.get((String) pairs[i]);
            if (want instanceof Number n && got instanceof Number g) assertEquals(n.doubleValue(), g.doubleValue(), 0.01, text + " → " + f);
            else assertEquals(want, got, pairs[i] + " of \"" + text + "\" → " + f);
        }
    }

    @Test
    void negationBindsToThePhraseItModifies() {
        has("我开了个店 营业执照有 税务登记证没办", "business_license", true, "tax_registration", false);
        has("营业执照没办 税务登记证有", "business_license", false, "tax_registration", true);
        has("买了期房 还没拿到房产证", "home_certificate", false);
        has("二手房 房本还没下来 有合同有发票", "home_certificate", false, "housing", "own");
        has("没有营业执照和税务登记证", "business_license", false, "tax_registration", false);
        has("房产证还没下来", "home_certificate", false);
    }

    @Test
    void aRhetoricalFrameSaysTheOppositeOfItsSurface() {
        // questions that answer themselves
        has("难道我没签劳动合同吗", "labor_contract", true);
        has("谁说我没办营业执照了 执照早就挂在店里", "business_license", true);
        has("我儿子哪有工作 天天在家打游戏", "employment", "none");
        has("我哪是农业户口啊", "rural_hukou", false);
        has("我还能没户口吗 身份证都办了十几年了", "has_hukou", true);
        has("说我没居住证？我去年就领了", "has_residence_permit", true);
        // double negatives
        has("我又不是没房 在松山区有套楼", "housing", "own");
        has("也不是没有税务登记证", "tax_registration", true);
        // a real question is not turned round, nor a condition asked about, nor a question of whether
        has("我没签劳动合同能落户吗", "labor_contract", false);
        has("难道没有营业执照就不能落户吗", "business_license", false);
        has("是不是没办居住证就不行", "has_residence_permit", false);
        // what others insist on against the speaker's word states nothing
        has("派出所非说我没结婚 我俩结婚证都领了", "married", true);
        has("窗口硬说我没交社保", "social_insurance_months", null);
        // a topic word denied in such a frame is not the topic asked about
        assertEquals(Intent.INFORM, U.understand("说我没居住证？我去年就领了", null).intent());
        assertEquals(Intent.RESIDENCE_PERMIT, U.understand("我没户口 能办居住证吗", null).intent());
    }

    @Test
    void aDomainWordTypedWithOneCharacterOfTheSameSoundIsRead() {
        has("俺的户口签移证弄丢了", "no_hukou_reason", "lost_migration_certificate");
        has("孩子的录取通知数到了", "admitted_to_school", true);
        // words typed right stay as typed: "二连租房" is no 廉租房, "我是硕士" no 我是说
        has("我在二连租房 住了两年", "housing", "rent");
        has("我是硕士 在新疆读的", "education", "master");
        assertEquals(Intent.INFORM, U.understand("我是硕士 在新疆读的", null).intent());
    }

    @Test
    void aRelativeWhoDiedIsNotTheOneWhoSettles() {
        Understanding r = U.understand("我爸去世了 留下一套房子 过户到我名下了", null);
        assertNull(r.applicant(), r.toString());
        assertEquals("inheritance", r.facts().get("home_acquisition").orElse(null), r.facts().toString());
        // the living parent still is
        assertEquals("parent", U.understand("我爸前年去世了 我妈一个人在老家 想投靠我", null).applicant());
    }

    @Test
    void aRelativesHukouIsHereOnlyWhenTheirPlaceIs() {
        has("我老婆户口在吉林 我在铁岭上班 想落户", "local_relative", null);
        has("我老婆是铁岭人 我户口在吉林 想落铁岭", "local_relative", "spouse");
        has("我老婆户口在铁岭 我户口在吉林 想迁过去", "local_relative", "spouse");
        // where a relative is from, beside another covered place, is not where anyone would join them
        has("我爸是宁城人 我在红山区开公司 有房", "local_relative", null);
    }

    @Test
    void whatWasNotHadButIsNowIsHad() {
        has("一直没办执照，这两年才办上，税务也登记了", "business_license", true, "tax_registration", true);
        has("第一家没签合同，现在这家签了", "labor_contract", true);
        // a next clause naming a thing of its own, or still negated, changes nothing
        has("合同没签 现在有了工作", "labor_contract", false);
        has("执照没办 现在在办", "business_license", false);
    }

    @Test
    void aHomeARelativeGaveIsTheSpeakers() {
        Understanding r = U.understand("我妈送我的 过户手续都办完了", null);
        assertNull(r.applicant(), r.toString());
        has("我姑送我的 过户手续都办完了", "home_acquisition", "gift", "housing", "own");
    }

    @Test
    void anAuntNamedByOneCharacterAndTheBannersOfTheLeague() {
        has("户口在阿巴嘎旗 住我姑家 我姑是二连户口", "local_relative", "other", "hukou_in_province", true, "local_hukou", false);
        has("我户口在东乌旗 在二连打工 想把户口落过来", "hukou_in_province", true, "local_hukou", false);
    }

    @Test
    void howStrictARegionIsAskedByItsNameAsksItsRule() {
        for (String q : List.of("南疆哪些地方落户不设门槛", "乌鲁木齐现在还限制落户吗", "克拉玛依落户还控制不")) {
            Understanding r = U.understand(q, null);
            assertEquals(Intent.SETTLE, r.intent(), q);
            assertEquals(Ask.TOPIC, r.ask(), q);
        }
    }

    @Test
    void commasReadAsTypedSpaces() {
        // a bare age between commas, as between spaces
        // (the message tells the uncle's case alone: he is the applicant, and the age his)
        has("我舅，五十三，在县城开饭馆，执照有", "age", 53.0, "business_license", true);
        has("申请人，女，36，已婚，户籍在通辽", "age", 36.0);
        // a field named alone and a bare negator after it, as on a form
        has("申请人，社保，无，户口在河北", "social_insurance_months", 0);
        has("房本，还没下来", "home_certificate", false);
    }

    @Test
    void afterThisYearANumberIsAnAgeHoweverTheMessageGoesOn() {
        has("我今年三十八大专在铁岭上班", "age", 38.0);
        has("我婆婆今年七十一户口在农村", "age", 71.0);
        // a unit after it counts something else
        has("我今年三月来的铁岭", "age", null);
        has("今年十来个人都落上了", "age", null);
    }

    @Test
    void theDialectIIsI() {
        // every phrase said with 我 reads the same said with 俺
        has("俺没房 一直住俺姐家 俺姐是二连户口", "lives_with_relative", true, "housing", "relative_home");
        assertEquals(Intent.FORGET, U.understand("把俺说的都删了吧", null).intent());
    }

    @Test
    void aSchoolToSitTheExamsOfIsNoLevelHad() {
        has("娃在这念了三年书 我社保交了两年 能在这考高中不", "education", null);
        has("我高中毕业", "education", "high_school");
    }

    @Test
    void aNegatorRightBeforeAThingIsThatThingsTypedWithoutBreaks() {
        has("我在开原当保安没合同一个月两千", "employment", "employee", "labor_contract", false);
        has("在私立学校当老师没编签了合同", "employment", "employee", "labor_contract", true);
        has("没单位没合同", "labor_contract", false);
    }

    @Test
    void aVillageRightAfterWhereTheHukouIsIsTheHukousTypedWithoutBreaks() {
        has("我妈户口在河北保定农村一直跟我在铁岭住", "lives_in_countryside", null);
        assertNotEquals(true, facts("户口在甘肃农村现在租房住").get("home_in_rural_area"));
        // where one lives, said apart from the hukou, still counts
        has("房子是自己盖的 在村里", "home_in_rural_area", true);
    }

    @Test
    void aGreetingWithOnlyTheWishToAskGreets() {
        for (String m : List.of("在么 想咨询下落户", "你好 帮我爸问个事", "老师好 俺想问点户口的事")) {
            assertEquals(Intent.GREETING, U.understand(m, null).intent(), m);
        }
        // a question of its own is asked
        assertEquals(Intent.SETTLE, U.understand("你好 我在聊城租房三年了能落户吗", null).intent());
    }

    @Test
    void aReplyThatAsksNothingAnswersTheQuestionAsked() {
        assertEquals(Intent.INFORM, U.understand("早就迁回老家了", "school_collective_hukou").intent());
        assertEquals(Intent.INFORM, U.understand("不在这 在大连那边", "local_hukou").intent());
    }

    @Test
    void whetherOneCanSettleAtAPlaceAsksToSettleWhateverHouseholdIsNamed() {
        Understanding r = U.understand("本科毕业一年 户口还挂在学校集体户 在阿克苏上班 能落阿克苏吗", null);
        assertEquals(Intent.SETTLE, r.intent());
        assertEquals(Ask.SETTLE, r.ask());
        // where to put the hukou is still asked as such
        assertEquals(Intent.REGISTRATION, U.understand("在铁岭上班 户口能落单位集体户吗", null).intent());
    }

    @Test
    void aFollowUpOpeningWithARelativeAndEllipsisIsAboutThem() {
        Understanding r = U.understand("那我闺女呢 她在县城租房 户口在村里", null);
        assertEquals("child", r.applicant());
        assertEquals(Intent.SETTLE, r.intent());
        assertEquals("rent", r.facts().get("housing").orElse(null));
    }

    @Test
    void aCaseClosedByWhetherItWillDoAsksToSettle() {
        assertEquals(Intent.SETTLE, U.understand("在开原有房 没房本 户口在外省 可以不", null).intent());
        assertEquals(Intent.SETTLE, U.understand("换到赤峰的话行不行", null).intent());
        assertEquals(Intent.INFORM, U.understand("行", null).intent());
    }

    @Test
    void tensAndUnitsJoinedByYou() {
        has("我老伴今年六十有三", "age", 63.0);
        has("社保交了二十有五个月", "social_insurance_months", 25);
    }

    @Test
    void everydayWordsOfTheCase() {
        has("我没上过户口 今年二十了", "has_hukou", false, "age", 20.0);
        has("我在乌鲁木齐干了三年外卖", "employment", "flexible");
        has("乌市是不是不好落 我在这上了三年班", "child_school_years", null);
        has("孩子在和田上小学三年级，上了三年", "child_school_years", 3.0);
        assertEquals(Intent.SETTLE, U.understand("我老公当兵的 在新疆部队 我跟孩子想随军", null).intent());
    }

    @Test
    void aContractSignedInAMessageAboutARentedHomeIsTheLeaseUnlessWorkIsTold() {
        has("我在开原租的房 签了合同", "labor_contract", null, "employment", null, "housing", "rent");
        has("我在喀什一家私企做财务 签了合同 租房住", "labor_contract", true);
        has("在超市当保安 合同签了 租的房没备案", "labor_contract", true, "lease_registered", false);
        has("在开原上班 签了合同", "labor_contract", true, "employment", "employee");
    }

    @Test
    void ofSeveralAgesTheOneSaidOfTheApplicantByNameIsTheirs() {
        has("我38岁 儿子16岁 在赤峰红山区上班 能落户吗", "age", 38.0, "relative_adult", false);
        has("我52岁 老伴50 都是通辽农村户口", "age", 52.0);
        // the mother settles: her age, not the son's who typed it
        has("我今年45了 在铁岭买了房 我妈七十三 想把我妈户口迁过来", "age", 73.0);
        // both parents named, two ages: nothing says whose case it is
        has("我爸六十七，我妈六十五 想投靠我", "age", null);
    }

    @Test
    void childrenCountedByOrderHaveTheirOwnAges() {
        has("我老公在二连那边部队上，我跟俩孩子户口在山东菏泽，大的5岁小的才满月，想随军过去户口咋迁", "age", null, "military_family", true);
        has("我今年35岁 老大10岁了", "age", 35.0);
        assertNull(U.understand("我老公在二连那边部队上，我跟俩孩子户口在山东菏泽，大的5岁小的才满月，想随军过去户口咋迁", null).applicant(),
                "the wife who moves is the one asking");
    }

    @Test
    void whoseHomeItIs() {
        has("铁岭那套房子是我闺女名下的她在大连上班户口迁不了我跟她妈能单独落到这房子上吗", "home_owner_relative", "child");
        Understanding parents = U.understand("铁岭银州区那套房在我名下 我在沈阳上班不想迁户口 我爸妈想单独落到这房子 我人不回去行不行", null);
        assertEquals("parent", parents.applicant());
        assertEquals("child", parents.facts().get("home_owner_relative").orElse(null), "the speaker owns it: their child, seen from them");
        // a mother who joins the speaker settles by joining: the speaker's home is no owner's pathway for her (GUIDE,
        // session 8), and it is not her home either
        Understanding mother = U.understand("我妈户口在黑龙江绥化 七十多了想投靠我落铁岭 我在清河区有房 能办吗", null);
        assertEquals("child", mother.facts().get("local_relative").orElse(null), mother.facts().toString());
        assertTrue(mother.facts().get("home_owner_relative").isEmpty(), mother.facts().toString());
        assertTrue(mother.facts().get("housing").isEmpty(), "the home is the speaker's, not the mother's: " + mother.facts());
        // a home left by a relative is the speaker's own
        has("我爷爷留下的房子在巴林左旗林东镇，我继承了，户口想迁过去", "home_acquisition", "inheritance", "home_owner_relative", null);
    }

    @Test
    void timeStillToComeIsNoTimeHad() {
        assertNull(facts("那我再交四个月社保就可以了吧").get("social_insurance_months"));
        assertNull(facts("还差两个月满一年").get("residence_months"));
        Understanding later = U.understand("那在等四个月交够一年就能办了吧", null);
        assertTrue(later.hypothetical(), "a what-if, not a fact to record");
        assertEquals(12, ((Number) later.facts().get("social_insurance_months").orElseThrow()).intValue());
    }

    @Test
    void aSubjectTypedWithoutPunctuationStartsAClause() {
        Understanding parents = U.understand("我儿子在铁岭市区有户口有楼房我跟他爸在四平农村想投奔儿子去铁岭落户行不", null);
        assertNull(parents.applicant(), parents.facts().toString());
        assertEquals("child", parents.facts().get("local_relative").orElse(null), parents.facts().toString());
        assertTrue(parents.facts().get("housing").isEmpty(), "the son's home is not the parents' " + parents.facts());
        Understanding inLaws = U.understand("我跟媳妇户口都在赤峰市里自己有房老丈人丈母娘在林西农村岁数大了没人照顾能投靠我们落过来吗", null);
        assertEquals("parent_in_law", inLaws.applicant());
        assertEquals("child", inLaws.facts().get("local_relative").orElse(null), "joining us is joining their daughter");
        // after a verb, 我 is its object and starts nothing ("落到我村里")
        assertNull(facts("我孙子的户口能不能落到我村里").get("relative_rural"));
    }

    @Test
    void theApplicantMayBeARelative() {
        Understanding son = U.understand("帮我儿子问一下，他在铁岭买了二手房，房本下来了，他能落户吗", null);
        assertEquals("child", son.applicant());
        assertEquals("own", son.facts().get("housing").orElse(null), son.facts().toString());
        assertEquals(true, son.facts().get("home_certificate").orElse(null), son.facts().toString());
        Understanding grandson = U.understand("我孙子大专毕业了，户口在河南，想去聊城工作，能落户不", null);
        assertEquals("grandchild", grandson.applicant());
        assertEquals("college", grandson.facts().get("education").orElse(null), grandson.facts().toString());
        Understanding joining = U.understand("帮我孙子问问，我是聊城户口，他能投靠我吗", null);
        assertEquals("grandchild", joining.applicant());
        assertEquals("grandparent", joining.facts().get("local_relative").orElse(null), joining.facts().toString());
        Understanding self = U.understand("我老公是聊城户口，我想投靠他", null);
        assertNull(self.applicant());
        assertEquals("spouse", self.facts().get("local_relative").orElse(null));
    }

    @Test
    void aClauseAboutARelativeStatesTheirFacts() {
        has("我想投靠我老婆，她在村里，有宅基地", "relative_homestead", true, "relative_rural", true, "rural_land_rights", null);
        has("她在村里，有宅基地", "relative_homestead", true, "rural_land_rights", null);
        // a message that tells only the wife's situation is about her: she is the applicant
        Understanding wife = U.understand("我老婆在村里，有宅基地", null);
        assertEquals("spouse", wife.applicant());
        assertEquals(true, wife.facts().get("rural_land_rights").orElse(null), wife.facts().toString());
    }

    @Test
    void impossibleNumbersAreRejectedNotStored() {
        Understanding huge = U.understand("社保交了99999999999999999999个月", null);
        assertTrue(huge.facts().get("social_insurance_months").isEmpty(), huge.facts().toString());
        assertEquals(List.of(new Rejected("social_insurance_months", "99999999999999999999个月", Quantity.BEYOND_LIFETIME)), huge.rejected());
        Understanding old = U.understand("我今年999岁", null);
        assertTrue(old.facts().get("age").isEmpty());
        assertEquals(Quantity.AGE_OVER_150, old.rejected().get(0).reason());
        Understanding negative = U.understand("租房-5个月", null);
        assertTrue(negative.facts().get("lease_months").isEmpty(), negative.facts().toString());
        assertEquals(Quantity.NEGATIVE, negative.rejected().get(0).reason());
        Understanding asked = U.understand("-5", "lease_months");
        assertTrue(asked.facts().get("lease_months").isEmpty(), asked.facts().toString());
        // a long run of numerals is read once, and nothing comes of it
        Understanding tens = U.understand("十".repeat(4000), null);
        assertTrue(tens.facts().asMap().isEmpty());
    }

    @Test
    void colloquialDurations() {
        has("住了一年零两个月", "residence_months", 14);
        has("住了大半年", "residence_months", 8);
        has("社保交了小半年", "social_insurance_months", 5);
        has("在这住了两年出头", "residence_months", 24);
        has("在这住了十来年", "residence_months", 120);
        has("在这住了三年多", "residence_months", 36);
        has("社保交了两三年", "social_insurance_months", 24);
    }

    @Test
    void aCorrectionChangesOnlyTheFactItNames() {
        Understanding u = U.understand("说错了，保险只交了九个月", "residence_months");
        assertEquals(9, u.facts().get("social_insurance_months").orElse(null));
        assertTrue(u.facts().get("residence_months").isEmpty(), u.facts().toString());
    }

    @Test
    void placesAsTyped() {
        PlaceMentions sure = U.understand("我想去铁玲落户", null).places();
        assertEquals("铁岭市", sure.first().name());
        assertTrue(sure.guess().sure());
        assertEquals("赤峰市", U.understand("赤锋租房能落户吗", null).places().first().name());
        PlaceMentions unsure = U.understand("我想去铁林落户", null).places();
        assertNull(unsure.first());
        assertNotNull(unsure.guess());
        assertEquals("铁岭市", unsure.guess().place().name());
        assertTrue(!unsure.guess().sure());
        assertEquals("巴音郭楞蒙古自治州", U.understand("巴州能落户吗", null).places().first().name());
        assertNull(U.understand("我住了五十个月", null).places().guess());
    }

    @Test
    void anUncoveredCityCountsOnceADocumentCoversIt() throws Exception {
        Map<String, String> files = new TreeMap<>(DataFiles.yamlFiles("policies", TestPaths.policies()));
        String extra = files.get("erlianhaote.yaml")
                .replace("id: erlianhaote", "id: baotoutest").replace("erl-", "btx-")
                .replace("name: 二连浩特市\n    aliases: [二连浩特, 二连, 二连市]", "name: 包头市\n    aliases: [包头]");
        files.put("baotoutest.yaml", extra);
        PolicyModel model = PolicyLoader.load(files);
        var dialogs = TestAssistants.dialogs();
        assertTrue(dialogs.lexicon().uncoveredPlaces().contains("包头"), "the test needs an uncovered city");
        Understander u = new Understander(model, dialogs.lexicon(), dialogs.questions(), TestAssistants.CLOCK);
        PlaceMentions p = u.understand("我想去包头落户", null).places();
        assertEquals("包头市", p.first() == null ? null : p.first().name(), p.toString());
        assertTrue(p.uncovered().isEmpty(), p.toString());
    }

    @Test
    void whatIsOnlyWishedForOrAskedAsARuleStatesNothing() {
        assertNull(facts("我妈想来铁岭跟我一起住").get("lives_with_relative"), facts("我妈想来铁岭跟我一起住").toString());
        has("我妈跟我一起住", "lives_with_relative", true);
        assertNull(facts("投奔子女有年龄限制吗").get("local_relative"), facts("投奔子女有年龄限制吗").toString());
        assertNull(facts("退伍军人能落集体户吗").get("veteran"), facts("退伍军人能落集体户吗").toString());
        has("我是退伍军人", "veteran", true);
        assertNull(facts("要不要先住满两年才行").get("residence_months"), facts("要不要先住满两年才行").toString());
    }

    @Test
    void whereOneIsSaysWhereOneLivesOrHasNoHukou() {
        Map<String, Object> there = facts("我闺女在聊城没户口 能上学吗");
        assertEquals(false, there.get("local_hukou"), there.toString());
        assertNull(there.get("has_hukou"), there.toString());
        has("我一直没户口", "has_hukou", false);
        Map<String, Object> village = facts("我今年六十 在老家农村");
        assertEquals(true, village.get("lives_in_countryside"), village.toString());
        assertNull(village.get("rural_hukou"), village.toString());
    }

    @Test
    void aMisspeltFactInTheLexiconStopsStartUp() {
        Lexicon broken = Lexicon.parse("""
                terms: []
                negation: { window: 3, before: [没], after: [] }
                clause_breaks: []
                relatives: { child: [儿子] }
                relative_hukou: []
                relative_facts: []
                joining: []
                facts:
                  - words: [买了房]
                    set: { housng: own }
                durations: []
                intents: []
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> broken.validated(TestAssistants.model().vocabulary()));
        assertEquals("lexicon.yaml: facts[0] (买了房): no such fact housng", e.getMessage());
        Lexicon badValue = Lexicon.parse("""
                negation: { window: 3, before: [没], after: [] }
                facts:
                  - words: [买了房]
                    set: { housing: castle }
                """);
        e = assertThrows(IllegalArgumentException.class, () -> badValue.validated(TestAssistants.model().vocabulary()));
        assertTrue(e.getMessage().startsWith("lexicon.yaml: facts[0] (买了房): housing takes one of own"), e.getMessage());
    }

    @Test
    void notEvenAMonthBrokenOffIsAnUnbrokenTime() {
        has("养老保险交了四年，一个月都没断过", "social_insurance_months", 48);
        has("医保交了两年 一天也没停过", "social_insurance_months", 24);
        has("社保一个月都没交过", "social_insurance_months", 0);
    }

    @Test
    void aRelativeBroughtIsFoundPastWhereTheyAre() {
        assertEquals("parent", U.understand("我想把老家的爸妈接过来落户", null).applicant());
        assertEquals("parent_in_law", U.understand("想把山西的老丈母娘户口迁到我这", null).applicant());
        assertEquals("spouse", U.understand("俺孩儿他爹在库尔勒跑运输 想把他户口迁过来", null).applicant());
    }

    @Test
    void thingsNotGrantedOrRefusedAreNotHad() {
        has("我是军嫂 部队还没批下来", "military_family", false);
        has("租的房子 房东嫌备案麻烦 不给弄", "lease_registered", false);
        has("我没户口 跟对象领不了结婚证", "married", false);
        has("在砖厂干了三十年 现在退了", "employment", "none");
    }

    @Test
    void questionsAreReadByTheirWordFamilies() {
        assertEquals(Ask.REQUIREMENT, U.understand("在饭店打工的算不算就业", null).ask());
        assertEquals(Ask.REQUIREMENT, U.understand("赤峰投靠落户 还看年龄不", null).ask());
        assertEquals(Ask.MATERIALS, U.understand("铁岭买房落户 光有购房发票 行不", null).ask());
        assertEquals(Ask.ONLINE, U.understand("二连落户能在蒙速办上申请不", null).ask());
        assertEquals(Ask.TIME, U.understand("聊城迁户口 当天能办完不", null).ask());
        assertEquals(Ask.CROSS_PROVINCE, U.understand("我人在山西 能在这边申请投靠吗", null).ask());
        assertEquals(Intent.OUT_OF_SCOPE, U.understand("赤峰哪家手把肉好吃", null).intent());
        assertEquals(Intent.SETTLE, U.understand("我户口还在学校集体户 毕业了能落松山区不", null).intent());
    }

    @Test
    void aVeteransJobNotAssignedSaysNothingOfWork() {
        has("我是退伍兵 前年退的 工作还没给安排", "job_assigned", false, "employment", null);
        has("复员回来三年了 工作没落实", "job_assigned", false, "employment", null);
        has("医保交了三年 一个月没断", "social_insurance_months", 36);
        assertNull(U.understand("我跟闺女租房住 娘俩能在开原落户不", null).applicant());
    }

    @Test
    void aReplyThatAsksNothingIsAnAnswer() {
        assertEquals(Intent.INFORM, U.understand("木有 老板不给签", "labor_contract").intent());
        assertEquals(Intent.INFORM, U.understand("俺爹八十有一了", "age").intent());
        // living with someone (跟着我住) is not who comes along
        assertEquals(Ask.SETTLE, U.understand("我奶奶现在跟着我叔住 我叔是开原户口 她想落我叔那", null).ask());
        assertEquals(Ask.REGISTRATION, U.understand("伊宁办落户 得去哪个部门", null).ask());
    }

    @Test
    void aCaseToldWithoutQuestionWishOrComplaintOnlyTells() {
        Understanding told = U.understand("俺舅在西丰乡下种地 一直没出来打工", null);
        assertEquals(Intent.INFORM, told.intent());
        assertEquals(Ask.NONE, told.ask());
        assertEquals(Intent.INFORM, U.understand("俺娘在开原农村住着 宅基地还在 她不打算迁", null).intent());
        // a wish, a yes-no particle or a complaint still asks to settle
        assertEquals(Intent.SETTLE, U.understand("俺娘在开原农村住着 她打算迁到县城俺这", null).intent());
        assertEquals(Intent.SETTLE, U.understand("俺在开原县城租房三年了 能落不", null).intent());
        assertEquals(Intent.SETTLE, U.understand("在开原买的楼 房本都有 窗口就是不给办", null).intent());
        // a hukou said never to have been registered is a hukou missing
        assertEquals(Intent.NO_HUKOU, U.understand("我大舅回村以后户口一直没有落上", null).intent());
    }

    @Test
    void aConditionGuessedAtAndLandNamedByItsUseAreAsked() {
        // a condition put as a guess to confirm asks for the requirement
        assertEquals(Intent.REQUIREMENT, U.understand("我想投靠我闺女 是不是非得跟她住一块", null).intent());
        assertEquals(Ask.REQUIREMENT, U.understand("俺娘投靠俺 俺是不是得先买房", null).ask());
        // land named by what grows on it, or asked whether it stays one's own to use or pass on
        assertEquals(Intent.LAND, U.understand("我户口迁走以后 家里的果园还算我的吗", null).intent());
        assertEquals(Intent.LAND, U.understand("进城落户了 村里的草场还可以用吗", null).intent());
        assertEquals(Intent.LAND, U.understand("户口迁城里以后 那五亩地还能流转不", null).intent());
    }

    @Test
    void aHukouMovedOntoTheSpeakersRegisterIsTheRelativeToldOfBefore() {
        // the speaker's own hukou said between does not make the speaker the one who settles
        Understanding u = U.understand("我孙女五岁 户口在吉林 我们老两口是开原户口 能迁到我户口本上吗", null);
        assertEquals("grandchild", u.applicant());
        assertNotEquals(Boolean.TRUE, u.facts().asMap().get("local_hukou"));
        // a brother's wife is his spouse, said from his side
        has("俺兄弟媳妇是开原户口 俺兄弟户口在河南", "local_relative", "spouse", "local_hukou", false);
    }

    @Test
    void aTimeOfWorkIsNoFactsAndTheEmployerRefusingIsNoOwner() {
        // the work's time is not the insurance's named a clause before
        has("厂里不给交社保 我在开原机械厂干了四年", "social_insurance_months", 0);
        has("在铁岭工地干活两年 没签合同", "lease_months", null, "residence_months", null, "labor_contract", false);
        // "是老板不给签": the employer refusing, not an owner of a business
        has("不是我不想签合同 是老板不给签", "employment", null, "labor_contract", false);
        has("我是老板 开了个饭店", "employment", "business_owner");
    }

    @Test
    void aComplaintOnWhatGroundsOffersNoPaper() {
        // 凭啥 is a complaint, not a paper offered ("凭购房发票能落吗" is)
        assertEquals(Intent.SETTLE, U.understand("我在开原买的楼 房本也有了 凭啥不给落户", null).intent());
        assertEquals(Intent.SETTLE, U.understand("我在开原开了六年饭馆 执照齐全 凭啥说我不够条件", null).intent());
        assertEquals(Intent.MATERIALS, U.understand("开原买房落户 凭购房合同能落吗", null).intent());
        // a practical question pressed for a plain answer is that question
        Understanding pressed = U.understand("你们就给个准话 投靠落户网上到底能不能办", null);
        assertEquals(Intent.SETTLE, pressed.intent());
        assertEquals(Ask.ONLINE, pressed.ask());
        assertEquals(Intent.MATERIALS, U.understand("窗口说我材料不全 到底缺啥", null).intent());
    }

    @Test
    void aPaperDemandedInAComplaintAsksForTheRequirement() {
        assertEquals(Intent.REQUIREMENT, U.understand("我闺女投靠我 还要我开收入证明？", null).intent());
        assertEquals(Intent.REQUIREMENT, U.understand("我妈都八十了 投靠我还得开无犯罪证明？", null).intent());
        // asked for itself, that paper is another office's
        assertEquals(Intent.OUT_OF_SCOPE, U.understand("无犯罪证明在哪开", null).intent());
    }

    @Test
    void aMessageOpenedByOneRelativeAndNoOneElseIsAboutThem() {
        assertEquals("child_in_law", U.understand("俺女婿迁户口 还用回老家开证明不", null).applicant());
        assertEquals("parent", U.understand("我妈说她先不迁了", null).applicant());
        assertEquals("other", U.understand("俺三姨也琢磨落开原 她那情况能办不", null).applicant());
        // not when the speaker speaks again, one only comes along, or is only said to hold a hukou here
        assertNull(U.understand("我闺女在开原上班 我能投靠她吗", null).applicant());
        assertNull(U.understand("俺娘也想一块迁", null).applicant());
        assertNull(U.understand("我公公是开原城里户口", null).applicant());
        assertNull(U.understand("二姐你好", null).applicant());
    }

    @Test
    void comingInPersonOrSendingSomeoneIsAboutWhatToBring() {
        assertEquals(Intent.MATERIALS, U.understand("开原落户得本人到场不 我在外地", null).intent());
        assertEquals(Ask.MATERIALS, U.understand("我爸腿脚不好 投靠我能让我代办吗", null).ask());
    }

    @Test
    void whetherACaseIsEnoughAsksToSettle() {
        Understanding u = U.understand("在开原租房一年半 备案了 社保交了十个月 够条件不", null);
        assertEquals(Intent.SETTLE, u.intent());
        assertEquals(Ask.SETTLE, u.ask());
        assertEquals(Ask.SETTLE, U.understand("我在铁岭当保安三年 有合同 够不够落户", null).ask());
    }
}
