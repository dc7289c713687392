package luohu.nlu;

import luohu.nlu.Questions;
import luohu.policy.Fact;
import luohu.policy.FactType;
import luohu.policy.FactVocabulary;

import java.util.List;
import java.util.regex.Pattern;

/** Reads a short answer to the question just asked: "是的", "没有", "两年", or a quick-reply option. */
final class AnswerReader {
    private static final java.util.regex.Pattern SUBJECT = java.util.regex.Pattern.compile("^(我们|她们|他们|俺们|咱们|我|她|他|俺|咱)(也|都|已经|早就|早)?");

    private static final List<String> NO = List.of("不是", "没有", "没", "否", "不", "无", "还没", "还没有", "未", "不对", "没呢", "no", "n", "nope",
            "还没办", "没办", "正在办", "还在办", "在办", "没下来", "还没下来", "没批", "还没批", "没拿到", "还没拿到", "没弄过", "没办过",
            "木有", "没签", "没有签", "还没签", "不给签", "没备", "没备案", "没交过", "没交", "早没了", "没了", "不在这", "不在这里", "不在本地",
            // dialect and spoken no's ("冇签", "木签", "没得", "没整")
            "冇", "冇有", "冇签", "木签", "木", "没得", "莫得", "没整", "还没整", "没弄", "还没弄");
    private static final List<String> YES = List.of("是", "是的", "对", "对的", "有", "有的", "嗯", "嗯嗯", "没错", "是啊", "对啊", "好",
            "yes", "y", "当然", "已经", "有啊", "办了", "签了", "交了", "安排了", "落实了", "批了", "行", "可以", "恩", "对呀", "是呀",
            "下来了", "拿到了", "认定了", "批下来了", "办下来了", "有了", "收到了", "领了", "办好了", "备了", "备过", "算是", "算是吧", "算", "结了", "中", "就在本地", "在本地", "就在这", "在这",
            "嗯呐", "嗯哪", "有呢", "安置了", "分配了");
    private final FactVocabulary vocabulary;
    private final Questions questions;

    private static final Pattern SEPARATORS = Pattern.compile("[\\p{P}\\s~]+");
    private static final Pattern NEGATIVE = Pattern.compile("[-−负]\\s*[0-9零〇一二两三四五六七八九十]");
    private static final Pattern HEDGE = Pattern.compile("^(刚满|满|快|将近|大概|差不多|今年|已经|整)+");
    private static final Pattern TAIL = Pattern.compile("(了|吧|啦|出头|多|左右)+$");
    private static final Pattern UNIT = Pattern.compile("(年|个月|岁)$");

    AnswerReader(FactVocabulary vocabulary, Questions questions) {
        this.vocabulary = vocabulary;
        this.questions = questions;
    }

    /** @param bare whether the reply states nothing else: only then may a yes or no word open a longer reply */
    Object read(String asked, String text, List<Token> tokens, List<Quantity> quantities, boolean bare) {
        Fact fact = vocabulary.find(asked).orElse(null);
        if (fact == null) return null;
        String plain = Normalizer.bare(text).replace("~", "");
        Object option = questions.optionValue(asked, plain);
        if (option != null) return option;
        // "她签了", "我们不是": the one the question is about, named before the answer
        String subjectless = SUBJECT.matcher(plain).replaceFirst("");
        if (!subjectless.isEmpty() && !subjectless.equals(plain)) {
            option = questions.optionValue(asked, subjectless);
            if (option != null) return option;
            plain = subjectless;
        }
        if (fact.type() == FactType.BOOL) {
            for (String w : NO) if (plain.equals(w) || bare && plain.startsWith(w) && plain.length() <= 4) return false;
            for (String w : YES) if (plain.equals(w) || bare && plain.startsWith(w) && plain.length() <= 4) return true;
            // "是，户口在本省" / "没有，我在公司上班，签了合同": a yes or no standing first answers the question,
            // whatever else the reply goes on to say
            String[] parts = SEPARATORS.split(text.strip(), 2);
            // "啥是备案 没弄过": a question about the words asked, then the answer, in a reply that states nothing else
            if (bare && parts.length == 2) {
                String[] all = SEPARATORS.split(text.strip());
                String last = all[all.length - 1];
                if (NO.contains(last) && !last.equals("不对")) return false;
            }
            if (!bare && parts.length < 2) return null;
            String first = parts[0];
            // "不对，…" opens a correction of something said before, not an answer to the question
            if (NO.contains(first) && !first.equals("不对")) return false;
            if (YES.contains(first) && (bare || !first.equals("好") && !first.equals("行") && !first.equals("可以"))) return true;
            return null;
        }
        if (fact.type().numeric()) {
            for (Quantity q : quantities) {
                if (q.duration()) return fact.normalise(fact.type() == FactType.MONTHS ? (Object) (int) Math.round(q.months()) : (Object) (q.months() / 12.0));
                if (q.age() != null && fact.type() == FactType.YEARS) return fact.normalise((double) q.age());
            }
            if (NEGATIVE.matcher(text).find()) return null; // a negative number is no answer
            // "刚满十八", "六十出头", "五十多了": the number said
            Double n = ChineseNumerals.parse(UNIT.matcher(TAIL.matcher(HEDGE.matcher(plain).replaceAll("")).replaceAll("")).replaceAll(""));
            double max = fact.type() == FactType.MONTHS ? Quantity.MAX_MONTHS : Quantity.MAX_AGE;
            if (n != null && n > max) return null;
            if (n != null) return fact.normalise(fact.type() == FactType.MONTHS ? (Object) n.intValue() : (Object) n);
            if (fact.type() == FactType.MONTHS && NO.contains(plain)) return 0;
            // "没交过 一天都没交": a no standing first, in a reply that states nothing else
            String[] parts = SEPARATORS.split(text.strip(), 2);
            if (fact.type() == FactType.MONTHS && bare && NO.contains(parts[0]) && !parts[0].equals("不对")) return 0;
            return null;
        }
        // a choice answered in the words of a value's label ("本科", "租的")
        for (String v : fact.valueIds()) {
            String label = fact.values().get(v);
            if (label.startsWith(plain) && plain.length() >= 2) return v;
        }
        return null;
    }
}
