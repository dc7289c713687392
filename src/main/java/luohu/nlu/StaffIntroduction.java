package luohu.nlu;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Staff who say who they are before passing on the question of someone they serve ("我是松山区一个派出所户籍室的 有个群众…",
 * "我在街道便民服务中心上班 有个居民问…"): what they tell of themselves, before the one served is brought in, is their own
 * work, not a fact of the applicant's case.
 */
final class StaffIntroduction {
    private final List<String> passingOn;

    /** @param passingOn the words by which staff bring in the one they serve (lexicon applicant_cues.passing_on) */
    StaffIntroduction(List<String> passingOn) {
        this.passingOn = passingOn;
    }

    /** The clauses of the speaker's own, before the first word bringing in the one served; none when there is no such word. */
    Set<Clause> ownClauses(List<Token> tokens, List<Clause> clauses) {
        Set<Clause> out = new HashSet<>();
        int at = firstPassingOn(tokens);
        if (at <= 0) return out;
        for (Clause c : clauses) {
            if (c.last() >= at) break;
            if (c.relative() == null) out.add(c);
        }
        return out;
    }

    /** The token where a word bringing in the one served begins, or -1. */
    private int firstPassingOn(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String rest = TokenText.text(tokens, i, tokens.size() - 1);
            for (String w : passingOn) if (rest.startsWith(w)) return i;
        }
        return -1;
    }
}
