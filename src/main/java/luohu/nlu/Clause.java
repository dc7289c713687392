package luohu.nlu;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A clause: tokens [first, last] of the message between breaks, about a relative or the speaker, with their text made
 * once.
 *
 * @param relative who the clause is about, as the applicant's relative (null: the applicant, or nobody said;
 *                 {@link #SOMEONE}: 他/她 with nobody named before)
 * @param explicit the clause names its subject (我…, 我老公…, 他…)
 */
record Clause(int first, int last, String relative, boolean explicit, String text) {
    /** The subject of a clause opened by 他/她 when no relative was named before. */
    static final String SOMEONE = "?";

    /** The same words, about someone else. */
    Clause about(String relative, boolean explicit) {
        return new Clause(first, last, relative, explicit, text);
    }

    /** The same clause from token {@code from} on: a rhetorical frame's inner statement. */
    Clause from(List<Token> tokens, int from) {
        return from <= first ? this : new Clause(from, last, relative, explicit, TokenText.text(tokens, from, last));
    }

    /** The token of the clause that holds its character {@code offset}. */
    int tokenAt(List<Token> tokens, int offset) {
        int end = 0;
        for (int k = first; k <= last; k++) {
            end += tokens.get(k).text().length();
            if (end > offset) return k;
        }
        return last;
    }

    /** The clause's text, or "" for none. */
    static String textOf(Clause c) {
        return c == null ? "" : c.text();
    }

    /** The clause that holds the token, else the last clause (null when there is none). */
    static Clause of(List<Clause> clauses, int token) {
        for (Clause c : clauses) if (token >= c.first() && token <= c.last()) return c;
        return clauses.isEmpty() ? null : clauses.get(clauses.size() - 1);
    }

    /** A clause whose subject is the applicant, named (我…, or the relative who applies). */
    static boolean saysOwn(Clause c) {
        return c != null && c.relative() == null && c.explicit();
    }

    /** The clauses with no subject of their own that follow a relative's clause, the speaker not named between. */
    static Set<Clause> continuing(List<Clause> clauses) {
        Set<Clause> out = new HashSet<>();
        String last = null;
        for (Clause c : clauses) {
            if (c.relative() != null) last = c.relative();
            else if (c.explicit()) last = null;
            else if (last != null) out.add(c);
        }
        return out;
    }

    /** The text with the clauses given blanked out by commas, so that nothing is read across or inside them. */
    static String without(String text, List<Token> tokens, Set<Clause> clauses) {
        if (clauses.isEmpty()) return text;
        StringBuilder sb = new StringBuilder(text);
        for (Clause c : clauses) {
            for (int i = tokens.get(c.first()).start(); i < tokens.get(c.last()).end() && i < sb.length(); i++) sb.setCharAt(i, '，');
        }
        return sb.toString();
    }
}
