package luohu.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Domain words typed another way, read as the word meant before anything else reads the message (lexicon.yaml
 * {@code spellings}): pinyin initials typed on a phone ("hk在老家" for 户口, "sb没交" for 社保) and homophones of voice input
 * ("互口", "设保", "落胡"). A form in Latin letters counts only as a whole run of letters ("hk", never inside "hkust").
 */
final class Spellings {
    private record Form(String typed, String meant, boolean latin) {
    }

    private final List<Form> forms = new ArrayList<>();

    Spellings(Map<String, List<String>> byWord) {
        byWord.forEach((meant, typed) -> typed.forEach(t -> forms.add(new Form(t.toLowerCase(java.util.Locale.ROOT), meant,
                t.codePoints().allMatch(c -> c < 0x80 && Character.isLetter(c))))));
        // the longest form first, so that one form inside another is not read first
        forms.sort(Comparator.comparingInt((Form f) -> -f.typed().length()));
    }

    /** The text with every form replaced by the word meant; the same string when none is there. */
    String respelled(String text) {
        String out = text;
        for (Form f : forms) {
            if (!out.contains(f.typed())) continue;
            out = f.latin() ? latinReplaced(out, f) : out.replace(f.typed(), f.meant());
        }
        return out;
    }

    /** Replaces a Latin form only where no other Latin letter touches it. */
    private static String latinReplaced(String text, Form f) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int i = text.indexOf(f.typed()); i >= 0; i = text.indexOf(f.typed(), i + 1)) {
            int end = i + f.typed().length();
            if (i < from || i > 0 && latinLetter(text.charAt(i - 1)) || end < text.length() && latinLetter(text.charAt(end))) continue;
            out.append(text, from, i).append(f.meant());
            from = end;
        }
        return out.append(text, from, text.length()).toString();
    }

    private static boolean latinLetter(char c) {
        return c < 0x80 && Character.isLetter(c);
    }
}
