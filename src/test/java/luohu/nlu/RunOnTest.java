package luohu.nlu;

import org.junit.jupiter.api.Test;

import static luohu.nlu.Reading.fact;
import static luohu.nlu.Reading.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Messages typed or dictated in one run, with no punctuation and no spaces, read as the same messages with pauses. */
class RunOnTest {
    @Test
    void statementsEndWhereAPauseWouldBe() {
        Understanding r = read("我在铁岭开了个小超市三年了营业执照有然后税务登记还没办户口在吉林农村我媳妇在银州区上班");
        assertEquals("business_owner", r.facts().get("employment").orElse(null));
        assertEquals(true, r.facts().get("business_license").orElse(null));
        assertEquals(false, r.facts().get("tax_registration").orElse(null));
        assertEquals(true, r.facts().get("rural_hukou").orElse(null));
        assertEquals(false, r.facts().get("hukou_in_province").orElse(null));
    }

    @Test
    void aNegatorReachesNoFurtherThanItsStatement() {
        Understanding r = read("俺在开原租房住了两年半房东没给备案俺在工地开塔吊合同没签俺户口在河北农村");
        assertEquals(false, r.facts().get("lease_registered").orElse(null));
        assertEquals(false, r.facts().get("labor_contract").orElse(null));
        assertEquals("employee", r.facts().get("employment").orElse(null));
        assertEquals(true, r.facts().get("rural_hukou").orElse(null));
    }

    @Test
    void aMessagePuttingItselfRightIsReadAsSaidRight() {
        assertEquals(30, fact("俺在开原租房住了两年不对是两年半", "lease_months"));
        assertEquals(8, fact("社保交了十个月不对是八个月", "social_insurance_months"));
        Understanding r = read("在红山区上班 户口在赤峰不对是通辽");
        assertEquals(true, r.facts().get("hukou_in_province").orElse(null));
        assertEquals(false, r.facts().get("local_hukou").orElse(null));
        assertEquals("flexible", fact("在冠县县城送快递不对是送外卖", "employment"));
    }

    @Test
    void wordsSeenInConversations() {
        assertEquals(true, fact("我在开原城里开了个小卖店三年了俺们铁岭农村的户口一直没动想问能落城里不", "rural_hukou"));
        assertEquals(true, fact("俺是农村兵当了五年兵去年退伍回来工作还没安排想把户口落到赤峰市里", "rural_hukou"));
        assertEquals(1.0, fact("我去年大专毕业在铁岭一家私企上班", "graduation_years"));
        assertEquals(2.0, fact("我前年本科毕业的", "graduation_years"));
        assertEquals(false, fact("社保交的是城乡居民的 交了两年", "employee_insurance"));
        assertEquals(false, fact("我交的城乡居民社保 不是职工的", "employee_insurance"));
    }

    @Test
    void aSumByTheMonthIsNoTimeHad() {
        Understanding r = read("租的门面一个月三千多 社保交了两年");
        assertNull(r.facts().get("lease_months").orElse(null));
        assertEquals(24, r.facts().get("social_insurance_months").orElse(null));
        assertEquals(0, fact("我跑网约车一个月也挣不了几个钱社保还没顾上交", "social_insurance_months"));
    }

    @Test
    void familyComeAlongIsTold() {
        Understanding r = read("俺在二连开饭店媳妇跟俩娃都跟过来了想落二连");
        assertEquals(true, r.facts().get("whole_family_moved").orElse(null));
        assertNull(r.applicant());
        assertNotEquals(Ask.FAMILY, r.ask());
        assertEquals(false, fact("我在铁岭上班 我老婆在老家种地 想落铁岭", "whole_family_moved"));
    }

    @Test
    void shortTypedRunsAreReadAsTyped() {
        // a run too short to hold two statements is left as typed: 城里户口 stays one word
        assertFalse(read("我是城里户口").facts().asMap().containsKey("relative_rural"));
        assertEquals(false, fact("我是城里户口", "rural_hukou"));
    }
}
