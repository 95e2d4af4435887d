package io.merx.experiments.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Merx Experiments",
        description = "Where A/B experiments are stored, how often they are evaluated and how strict the guardrails"
                + " are; see docs/experiments.md.")
@interface ExperimentsConfig {

    @AttributeDefinition(name = "Directory",
            description = "One JSON file per experiment. Empty means ${karaf.data}/merx/experiments.")
    String directory() default "";

    @AttributeDefinition(name = "Evaluation interval (seconds)",
            description = "How often running experiments are evaluated; the test stays valid at any interval.")
    long evaluationIntervalSeconds() default 5;

    @AttributeDefinition(name = "Latency tolerance",
            description = "Guardrail latency_p99: the candidate's p99 may exceed live's by this fraction"
                    + " (0.5 = 50 %) plus the slack below before it is rolled back.")
    double latencyTolerance() default 0.5;

    @AttributeDefinition(name = "Latency slack (ms)",
            description = "Guardrail latency_p99: milliseconds allowed on top of the tolerance, so jitter of fast"
                    + " models breaches nothing.")
    double latencySlackMillis() default 5;

    @AttributeDefinition(name = "Guardrail minimum requests",
            description = "Requests the candidate must have served before its p99 is judged.")
    long guardrailMinRequests() default 200;
}
