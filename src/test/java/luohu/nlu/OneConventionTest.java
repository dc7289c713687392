package luohu.nlu;

import luohu.TestAssistants;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reading this round: where a hukou is as the labelling guide has it, living with a named relative, word-by-word typing. */
class OneConventionTest {
    private final Understander u = TestAssistants.fresh().machine().understander();

    private Object fact(String text, String id) {
        return u.understand(text, null).facts().get(id).orElse(null);
    }

    @Test
    void anotherCountyOfACitysDocumentIsInTheProvinceAlone() {
        Understanding r = u.understand("我在调兵山买了个小产权房 没有房本 户口在铁岭县", null);
        assertEquals(true, r.facts().get("hukou_in_province").orElse(null), r.facts().toString());
        assertNull(r.facts().get("local_hukou").orElse(null), r.facts().toString());
        assertNull(r.facts().get("hukou_in_city").orElse(null), r.facts().toString());
    }

    @Test
    void anotherPrefectureOfAProvincesDocumentIsNotLocal() {
        Understanding r = u.understand("乌鲁木齐 我是公务员 组织上从和田调过来的 户口还在和田", null);
        assertEquals(true, r.facts().get("hukou_in_province").orElse(null), r.facts().toString());
        assertEquals(false, r.facts().get("local_hukou").orElse(null), r.facts().toString());
    }

    @Test
    void anotherProvinceRecordsNoCity() {
        Understanding r = u.understand("我在冠县租了个院子 住了两年半 户口在河北", null);
        assertEquals(false, r.facts().get("hukou_in_province").orElse(null));
        assertEquals(false, r.facts().get("local_hukou").orElse(null));
        assertNull(r.facts().get("hukou_in_city").orElse(null));
    }

    @Test
    void thePlacesOwnCountrysideIsNoPlaceFact() {
        Understanding r = u.understand("铁岭 我没房没车 户口在铁岭农村 能在城里落户吗", null);
        assertNull(r.facts().get("local_hukou").orElse(null), r.facts().toString());
        assertEquals(true, r.facts().get("rural_hukou").orElse(null), r.facts().toString());
        // the place itself is still a local hukou
        assertEquals(true, fact("巴林左旗林东镇 院子是自己盖的 户口就在林东镇", "local_hukou"));
    }

    @Test
    void aHukouInAVillageWithAnAdverbBetweenIsRural() {
        assertEquals(true, fact("喀什 我在村里住 户口也在村里 想去喀什市里落户", "rural_hukou"));
        assertEquals(true, fact("户口一直在林西农村 现在在林西县城买了楼", "rural_hukou"));
        assertEquals(true, fact("昌图 俺们屯子整体搬迁 分了楼 俺户口还在屯里", "rural_hukou"));
    }

    @Test
    void livingWithARelativeNamedBetweenTheWords() {
        assertEquals(true, u.understand("一直跟我儿子住", "lives_with_relative").facts().get("lives_with_relative").orElse(null));
        assertEquals(true, fact("我在伊宁 跟闺女一块住", "lives_with_relative"));
        assertEquals(false, fact("我不跟儿子住 自己租房", "lives_with_relative"));
        // wished for, not done
        assertNull(fact("我想跟儿子住", "lives_with_relative"));
        // a friend is no relative
        assertNull(fact("我跟同学小王住", "lives_with_relative"));
    }

    @Test
    void aMessageTypedWordByWordKeepsItsClausesWhole() {
        Understanding r = u.understand("赤峰 我 今年 66 户口 在 巴林右旗 农村 想 投靠 松山区 的 闺女", null);
        assertEquals(true, r.facts().get("hukou_in_province").orElse(null), r.facts().toString());
        assertEquals(true, r.facts().get("rural_hukou").orElse(null), r.facts().toString());
        assertTrue(Normalizer.wordByWord("聊城 落户 网上 能办 不"));
        assertFalse(Normalizer.wordByWord("户口在江苏 在聊城工作"));
    }

    @Test
    void noWordIsReadAsMistypedAcrossASpace() {
        // 一年半 户口 is no 办户口: a statement, not a question about settling
        assertEquals(Intent.INFORM, u.understand("签了合同 社保交了一年半 户口在赤峰农村 租房住", null).intent());
    }

    @Test
    void settlingAskedInMoreWords() {
        assertEquals(Intent.SETTLE, u.understand("我户口在二连 想迁去赤峰 我在赤峰租房住了一年半", null).intent());
        assertEquals(Intent.SETTLE, u.understand("俺是农村户口 在开原城里买了房子 中不中", null).intent());
        assertEquals(Intent.LAND, u.understand("进城落户了承包地还让种不", null).intent());
        assertEquals(Intent.POLICY_INFO, u.understand("赤峰户籍改革都改了点啥", null).intent());
    }
}
