package luohu.nlu;

import org.junit.jupiter.api.Test;

import static luohu.nlu.Reading.fact;
import static luohu.nlu.Reading.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Follow-up messages on what they ask (tuning6c.jsonl), and facts told in passing that are not the case's. */
class FollowUpQuestionsTest {
    @Test
    void onePaperAskedWhetherItIsTakenAsksAboutMaterials() {
        for (String t : new String[]{"毕业证是09年的 还算数不", "复印的行不", "能先受理不", "手机上那个电子房本认不认", "这证明有效期多久"}) {
            Understanding r = read(t);
            assertEquals(Intent.MATERIALS, r.intent(), t);
            assertEquals(Ask.MATERIALS, r.ask(), t);
        }
    }

    @Test
    void aPaperOnThePhoneIsNoApplicationOnline() {
        Understanding r = read("手机上有个不动产电子证 纸本的还没给 能落户不");
        assertEquals(Ask.SETTLE, r.ask());
        assertEquals(true, r.facts().get("home_certificate").orElse(null));
        assertNull(fact("细则上写的不动产电子证 是不是就手机上那个", "home_certificate"));
    }

    @Test
    void staffIntroducingThemselvesTellNothingOfTheCase() {
        Understanding r = read("我是松山区一个派出所户籍室的 有个群众想问 他在红山区租房住了两年 能落户不");
        assertNull(r.facts().get("employer_type").orElse(null));
        assertNull(r.facts().get("employment").orElse(null));
        assertEquals("rent", r.facts().get("housing").orElse(null));
        assertNull(fact("我在街道便民服务中心上班 有个居民问 他能落户不", "employment"));
    }

    @Test
    void whatIsAskedAboutOrLetOutIsNoHomeLivedIn() {
        assertNull(fact("那公租房俺们能申请不", "housing"));
        assertEquals("own", fact("房子租出去了 我平时住单位宿舍", "housing"));
        assertNull(fact("合同签的是两年 就是才住进去半年", "labor_contract"));
    }

    @Test
    void aPostWonByExamIsAJob() {
        Understanding r = read("俺媳妇考上宁城县医院的事业编了");
        assertEquals("public_institution", r.facts().get("employer_type").orElse(null));
        assertEquals("employee", r.facts().get("employment").orElse(null));
        assertNull(r.facts().get("admitted_to_school").orElse(null));
    }

    @Test
    void schoolingAndCertificatesAreReadAsStated() {
        assertEquals("college", fact("国家开放大学毕业的", "education"));
        assertEquals(true, fact("中式烹调师证 三级的", "skill_certificate"));
        assertEquals(false, fact("俺家娃在赤峰念初中 没赤峰户口", "local_hukou"));
    }
}
