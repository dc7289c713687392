package luohu.nlu;

import luohu.TestAssistants;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Messages typed the way people do on a phone: run-on, ticks and crosses, negators after the word, short replies. */
class PhoneStyleTest {
    private final Understander u = TestAssistants.fresh().machine().understander();

    private Object fact(String text, String asked, String id) {
        return u.understand(text, asked).facts().get(id).orElse(null);
    }

    @Test
    void aNegatorBindsToTheWordItFollows() {
        assertEquals(false, fact("分了回迁楼 房本还没发", null, "home_certificate"));
        assertEquals(false, fact("院子是自己盖的 房本没有 宅基地证有", null, "home_certificate"));
        assertEquals(false, fact("执照有 税务登记证还在办", null, "tax_registration"));
        assertEquals(true, fact("执照有 税务登记证还在办", null, "business_license"));
    }

    @Test
    void ticksAndCrossesSayYesAndNo() {
        Understanding r = u.understand("二连 我开的小超市 营业执照✔ 税务登记✘", null);
        assertEquals(true, r.facts().get("business_license").orElse(null));
        assertEquals(false, r.facts().get("tax_registration").orElse(null));
    }

    @Test
    void aNegatedWordMeasuresNoTime() {
        Understanding r = u.understand("在铁岭市里干装修 没合同没社保 住出租屋两年多", null);
        assertEquals(0, r.facts().get("social_insurance_months").orElse(null));
        assertEquals(24, r.facts().get("lease_months").orElse(null));
    }

    @Test
    void aStatementClosedByLeIsNotNegatedByTheNextVerb() {
        assertEquals(true, fact("我户口在辽宁 结婚了还没迁 现在想迁过去", null, "married"));
        assertEquals(true, fact("我户口还在吉林 结婚十年了一直没迁", null, "married"));
    }

    @Test
    void thePlaceAskedAboutIsWhereOneWouldMove() {
        Understanding r = u.understand("我丈母娘今年75 户口在开原 一个人在开原农村住 想来铁岭市区跟我们住", null);
        assertNotEquals(true, r.facts().get("local_hukou").orElse(null), r.facts().toString());
        assertEquals(true, r.facts().get("hukou_in_province").orElse(null), r.facts().toString());
    }

    @Test
    void aRelativesHukouPlaceMayBeThePlaceAskedAbout() {
        assertEquals(true, fact("我二舅是乌市户口 我户口在哈密 我能投靠他不", null, "hukou_in_province"));
    }

    @Test
    void wordFamiliesOfPhoneMessages() {
        assertEquals(true, fact("毕业两年了 户口还在学校集体户", null, "school_collective_hukou"));
        assertEquals("employer_housing", fact("我是转业军人 在轮台县政府上班 住单位周转房", null, "housing"));
        assertEquals(true, fact("我是转业军人 在轮台县政府上班 住单位周转房", null, "veteran"));
        assertEquals(false, fact("我爸是转业军人 转业回了铁岭 工作还没安排", null, "job_assigned"));
        assertEquals(false, fact("在阿克苏纺织厂上班 老婆孩子还在老家", null, "whole_family_moved"));
        assertEquals(true, fact("在库尔勒工地打零工 媳妇孩子都跟过来了", null, "whole_family_moved"));
    }

    @Test
    void shortRepliesAsTyped() {
        assertEquals(2, fact("交了俩月", "social_insurance_months", "social_insurance_months"));
        assertEquals(0, fact("没交过 一天都没交", "social_insurance_months", "social_insurance_months"));
        assertEquals(false, fact("啥是备案 没弄过", "lease_registered", "lease_registered"));
        assertEquals(60.0, fact("今年整60", "age", "age"));
        assertEquals(true, fact("结了", "married", "married"));
    }
}
