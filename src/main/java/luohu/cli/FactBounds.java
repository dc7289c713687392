package luohu.cli;

import luohu.policy.Fact;
import luohu.policy.FactType;
import luohu.policy.FactVocabulary;

import java.util.Map;

/**
 * The bounds of numbers given as facts from outside (assess --facts, POST /api/assess): months up to 1,200 (a
 * century), years up to 150. Checked before the values are normalised, so that no value wraps around (2147483648
 * months read as an int) or passes for something it is not.
 */
public final class FactBounds {
    public static final Map<FactType, Integer> MAX = Map.of(FactType.MONTHS, 1200, FactType.YEARS, 150);

    private FactBounds() {
    }

    /** @throws IllegalArgumentException naming the fact, the bounds and the value, for the first number out of bounds */
    public static void check(FactVocabulary vocabulary, Map<String, ?> raw) {
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            Fact f = vocabulary.find(e.getKey()).orElse(null);
            if (f == null || !f.type().numeric() || !(e.getValue() instanceof Number n)) continue;
            double d = n.doubleValue();
            if (!Double.isFinite(d) || d > MAX.get(f.type())) { // negatives are refused by the fact itself
                throw new IllegalArgumentException(f.id() + " takes a number from 0 to " + MAX.get(f.type())
                        + (f.type() == FactType.MONTHS ? " (months)" : " (years)") + ", not " + n);
            }
        }
    }
}
