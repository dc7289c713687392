package luohu.nlu;

import luohu.TestAssistants;
import luohu.policy.Place;
import luohu.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whom 他/她 stand for, relatives brought here, and counties of one prefecture in a province's document. */
class RelativesAndPrefecturesTest {
    private static final Understander U = TestAssistants.fresh().machine().understander();

    private static String applicant(String text) {
        return U.understand(text, null).applicant();
    }

    private static Map<String, Object> facts(String text) {
        return U.understand(text, null).facts().asMap();
    }

    @Test
    void relativeWordsSaidWithTheirOrderBeforeThem() {
        assertEquals("sibling", applicant("我老弟弟在巴林左旗当老师 能落林东镇吗"));
        assertEquals("other", applicant("我大姐夫在林西县城打工 他能落户不"));
        assertEquals("other", applicant("帮我二嫂问问 她户口在河北 想投靠我二哥"));
    }

    @Test
    void aPronounStandsForTheLastRelativeOfItsGender() {
        assertEquals("child", applicant("我女儿嫁到松山区了 女婿是松山区城里户口 她户口还在村里 她能迁过去吗"));
        assertEquals("child", applicant("我儿子在铁岭上班 儿媳是铁岭户口 他户口还在老家 他能落铁岭不"));
    }

    @Test
    void onesOwnRelativeAfterAPronounIsTheNamedRelativesRelative() {
        assertEquals("other", applicant("我哥在二连开车 签了合同 他老婆能投靠他吗"));
        assertEquals("child_in_law", applicant("我闺女是赤峰户口 她老公能投靠她落户吗"));
    }

    @Test
    void aPronounIntroducedAsARelativeIsThatRelative() {
        assertEquals("sibling", applicant("他是我亲弟弟 在聊城开饭店 执照有 他户口在河南 能落聊城不"));
        assertEquals("other", applicant("她是我表妹 在铁岭上班 签了合同 她能在铁岭落户吗"));
    }

    @Test
    void aRelativeBroughtHereIsTheApplicant() {
        assertEquals("parent", applicant("我爸七十了 户口在吉林 我在铁岭有房 想把他接过来落户"));
        assertEquals("spouse", applicant("我户口在赤峰 想把媳妇户口迁过来"));
        // bringing one's own hukou here names no relative
        assertNull(applicant("我在铁岭有房 想把户口迁过来"));
    }

    @Test
    void aRelativeBroughtAlongWithTheSpeakerIsNotTheApplicant() {
        assertNull(applicant("我在赤峰有房 想把我妈的户口也迁过来"));
    }

    @Test
    void relativesByMarriageJoinTheirSpouseOrSibling() {
        assertEquals("spouse", U.understand("我嫂子户口在吉林 想投靠我哥落到铁岭", null).facts().get("local_relative").orElse(null));
        assertEquals("sibling", U.understand("我小舅子想投靠我老婆落到赤峰", null).facts().get("local_relative").orElse(null));
        assertEquals("spouse", U.understand("我岳母想投靠我老丈人落到松山区", null).facts().get("local_relative").orElse(null));
    }

    @Test
    void askingWhetherACaseCanMoveOntoAHouseholdRegisterIsSettling() {
        Understanding onto = U.understand("我妹妹一直住我家 她户口在农村 能迁到我户口本上吗", null);
        assertEquals(Intent.SETTLE, onto.intent());
        assertEquals(Ask.SETTLE, onto.ask());
        // where to put it is still a registration question
        assertEquals(Intent.REGISTRATION, U.understand("我妹妹一直住我家 户口落在哪", null).intent());
    }

    @Test
    void aHukouSaidToBeInACollectiveHouseholdAsksNothing() {
        Understanding told = U.understand("我在铁岭上班 签了合同 户口还在学校集体户", null);
        assertEquals(Ask.NONE, told.ask());
        assertEquals(Ask.REGISTRATION, U.understand("户口能落到社区集体户吗", null).ask());
    }

    @Test
    void aCountyOfThePrefectureAskedAboutIsInTheProvinceNotAway() {
        Map<String, Object> sameOne = facts("和田 我在和田市开了个饭馆 户口在皮山县");
        assertEquals(true, sameOne.get("hukou_in_province"), sameOne.toString());
        assertFalse(sameOne.containsKey("local_hukou"), sameOne.toString());
        Map<String, Object> another = facts("喀什 我在喀什市开了个饭馆 户口在皮山县");
        assertEquals(true, another.get("hukou_in_province"), another.toString());
        assertEquals(false, another.get("local_hukou"), "皮山 is of 和田, not 喀什: " + another);
    }

    @Test
    void everyPrefectureMemberIsAPlaceOfTheDocumentOfItsPrefecture() {
        Map<String, List<String>> prefectures = TestAssistants.dialogs().lexicon().prefectures();
        assertFalse(prefectures.isEmpty());
        Set<String> seen = new HashSet<>();
        for (var e : prefectures.entrySet()) {
            String doc = documentOf(e.getKey());
            assertTrue(doc != null, e.getKey() + " is no place of a document");
            for (String m : e.getValue()) {
                assertEquals(doc, documentOf(m), m + " is no place of the document of " + e.getKey());
                assertTrue(seen.add(m), m + " is under two prefectures");
            }
        }
    }

    private static String documentOf(String name) {
        for (PolicyDocument d : TestAssistants.model().documents()) {
            for (Place p : d.places()) if (p.name().equals(name)) return d.id();
        }
        return null;
    }
}
