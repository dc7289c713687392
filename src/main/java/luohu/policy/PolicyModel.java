package luohu.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole policy model: every document, the fact vocabulary, the topics, and a version for cache keys. */
public final class PolicyModel {
    private final List<PolicyDocument> documents;
    private final FactVocabulary vocabulary;
    private final Map<String, String> topics;
    private final String version;
    private final Map<String, Place> placesByName = new LinkedHashMap<>();
    /** Every name and alias, longest first: sorted once, as places are looked up on every turn. */
    private final List<String> placeNames;
    /** Documents by id and their root places, kept as the model is built: every turn looks them up. */
    private final Map<String, PolicyDocument> byId = new LinkedHashMap<>();
    private final List<Place> rootPlaces;

    PolicyModel(List<PolicyDocument> documents, FactVocabulary vocabulary, Map<String, String> topics, String version) {
        this.documents = List.copyOf(documents);
        this.vocabulary = vocabulary;
        this.topics = Map.copyOf(topics);
        this.version = version;
        for (PolicyDocument d : documents) {
            for (Place p : d.places()) {
                placesByName.putIfAbsent(p.name(), p);
                for (String a : p.aliases()) placesByName.putIfAbsent(a, p);
            }
        }
        List<String> names = new ArrayList<>(placesByName.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.placeNames = List.copyOf(names);
        for (PolicyDocument d : this.documents) byId.putIfAbsent(d.id(), d);
        this.rootPlaces = this.documents.stream().map(PolicyDocument::rootPlace).toList();
    }

    public List<PolicyDocument> documents() {
        return documents;
    }

    public FactVocabulary vocabulary() {
        return vocabulary;
    }

    public String version() {
        return version;
    }

    public String topicName(String topic) {
        return topics.getOrDefault(topic, topic);
    }

    public Map<String, String> topics() {
        return topics;
    }

    public Optional<PolicyDocument> document(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public PolicyDocument documentOf(Place place) {
        return document(place.documentId()).orElseThrow();
    }

    /** A place by its name or one of its aliases, exactly. */
    public Optional<Place> place(String nameOrAlias) {
        return Optional.ofNullable(placesByName.get(nameOrAlias == null ? null : nameOrAlias.strip()));
    }

    /** Every name and alias, longest first (so that 乌鲁木齐市 is tried before 乌鲁木齐). */
    public List<String> placeNames() {
        return placeNames;
    }

    /** The root place of every document, e.g. for "which places do you cover". */
    public List<Place> rootPlaces() {
        return rootPlaces;
    }

    /** The clause with this id, in whichever document holds it. */
    public Optional<Clause> clause(String id) {
        for (PolicyDocument d : documents) {
            Clause c = d.clauses().get(id);
            if (c != null) return Optional.of(c);
        }
        return Optional.empty();
    }
}
