package luohu.nlu;

/**
 * What a message wants to know, beside the facts it states. The reply opens with the answer to it. The ids are
 * those of dialogs/lexicon.yaml {@code asks} and dialogs/responses.yaml.
 */
public enum Ask {
    /** whether, and by which pathway, the applicant can settle */
    SETTLE,
    /** the ways to settle in a place, in general ("有啥条件") */
    OVERVIEW,
    MATERIALS,
    /** where the household is registered */
    REGISTRATION,
    /** who may move along */
    FAMILY,
    CROSS_PROVINCE,
    TIME,
    FEES,
    ONLINE,
    /** where to apply, which office */
    OFFICE,
    /** a topic the documents address apart from a case: 居住证, land, people without hukou, the document itself */
    TOPIC,
    COMPARE,
    /** "do I need X first" */
    REQUIREMENT,
    /** who or what the assistant is, what it can do */
    IDENTITY,
    /** after a refusal: what else is open ("那咋办") */
    ALTERNATIVES,
    /** nothing asked: facts, a greeting, thanks, a command */
    NONE;

    /** The id of the dialog files: the name in lower case, made once rather than on every look-up. */
    private final String id = name().toLowerCase(java.util.Locale.ROOT);
    private static final java.util.Map<String, Ask> BY_ID = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Ask::id, v -> v));

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException for an id that names none */
    public static Ask parse(String id) {
        Ask v = BY_ID.get(id.toLowerCase(java.util.Locale.ROOT));
        if (v == null) throw new IllegalArgumentException("no ask " + id);
        return v;
    }

    /** Time, fees, applying online, where to apply, 跨省通办: answered from what the document says of them. */
    public boolean practical() {
        return this == TIME || this == FEES || this == ONLINE || this == OFFICE || this == CROSS_PROVINCE;
    }

    /** Asks about a pathway already found or in view, answered from the outcome rather than a general rule. */
    public boolean aboutPathway() {
        return switch (this) {
            case MATERIALS, REGISTRATION, FAMILY -> true;
            default -> false;
        };
    }
}
