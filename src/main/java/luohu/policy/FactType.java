package luohu.policy;

/** The kinds of value a fact can take. */
public enum FactType {
    /** yes / no. */
    BOOL,
    /** one of a set of values. */
    CHOICE,
    /** one of an ordered set of values, lowest first. */
    LEVEL,
    /** a whole number of months. */
    MONTHS,
    /** a number of years, fractions allowed. */
    YEARS;

    static FactType parse(String s) {
        return switch (s) {
            case "bool" -> BOOL;
            case "choice" -> CHOICE;
            case "level" -> LEVEL;
            case "months" -> MONTHS;
            case "years" -> YEARS;
            default -> null;
        };
    }

    public boolean numeric() {
        return this == MONTHS || this == YEARS;
    }

    public boolean enumerated() {
        return this == CHOICE || this == LEVEL;
    }

    /** The YAML spelling, as accepted by {@link #parse}. */
    public String yamlName() {
        return name().toLowerCase();
    }
}
