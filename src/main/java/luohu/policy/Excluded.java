package luohu.policy;

import java.util.Set;
import java.util.TreeSet;

/**
 * What is known of a choice fact when only some values have been ruled out ("没买房" rules out own housing without
 * saying which other kind it is). Conditions that need a ruled-out value fail; others stay unknown.
 */
public record Excluded(Set<String> values) {
    public Excluded {
        values = java.util.Collections.unmodifiableSet(new TreeSet<>(values));
    }

    public Excluded plus(Set<String> more) {
        Set<String> all = new TreeSet<>(values);
        all.addAll(more);
        return new Excluded(all);
    }
}
