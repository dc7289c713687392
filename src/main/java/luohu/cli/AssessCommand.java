package luohu.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import luohu.answer.AssessmentJson;
import luohu.answer.OutcomeText;
import luohu.policy.Assessment;
import luohu.policy.Facts;
import luohu.policy.Place;
import luohu.policy.PolicyEngine;
import luohu.policy.PolicyModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Assesses every pathway of a place for a set of facts. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess every settlement pathway of a place for the facts given.")
public final class AssessCommand implements Callable<Integer> {
    @Mixin
    PolicyOption policies;

    @Option(names = "--place", required = true, description = "A city, district, county or banner, e.g. 赤峰, 宁城县, 喀什.")
    String place;

    @Option(names = "--facts", defaultValue = "{}", description = "The applicant's facts as JSON, e.g. '{\"housing\": \"own\"}'.")
    String facts;

    @Option(names = "--json", description = "Print the assessment as JSON.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PolicyModel model = policies.load();
        Place p = model.place(place).orElse(null);
        if (p == null) {
            System.err.println("luohu: unknown place \"" + place + "\"; places covered: " + model.documents().stream()
                    .map(d -> d.rootPlace().name() + " (" + d.places().stream().map(Place::name).skip(1).collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining("; ")));
            return 2;
        }
        Map<String, Object> raw;
        try {
            raw = new ObjectMapper().readValue(facts, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            System.err.println("luohu: --facts is not a JSON object: " + e.getOriginalMessage());
            return 2;
        }
        Facts f;
        try {
            FactBounds.check(model.vocabulary(), raw);
            f = model.vocabulary().parse(raw);
        } catch (IllegalArgumentException e) {
            System.err.println("luohu: " + e.getMessage());
            return 2;
        }
        Assessment a = new PolicyEngine(model).assess(p, f);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new AssessmentJson(model).of(a)));
        } else {
            System.out.print(new OutcomeText(model).full(a));
        }
        return 0;
    }
}
