package io.merx.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Merx REST",
        description = "Limits, authentication and data locations of the Merx HTTP API (/api/v1, /v2, /metrics)."
                + " Changes apply to the next request.")
@interface RestConfig {

    @AttributeDefinition(name = "Maximum JSON body (bytes)",
            description = "Largest JSON request body; larger bodies are refused with 413 before they are parsed.")
    long maxBodyBytes() default RestSettings.DEFAULT_MAX_BODY_BYTES;

    @AttributeDefinition(name = "Maximum upload (bytes)",
            description = "Largest uploaded training data set or model archive (streamed to a temporary file).")
    long maxUploadBytes() default RestSettings.DEFAULT_MAX_UPLOAD_BYTES;

    @AttributeDefinition(name = "Maximum batch size",
            description = "Most instances in one batch score or inference request; more get 413.")
    int maxBatchSize() default 1000;

    @AttributeDefinition(name = "Maximum JSON nesting depth",
            description = "Deepest nesting of JSON objects and arrays accepted in a request body.")
    int maxJsonDepth() default 32;

    @AttributeDefinition(name = "Request timeout (ms)",
            description = "Longest a scoring request may take, waiting for a slot included; past it the client"
                    + " gets 503 with Retry-After. 0 scores on the HTTP thread itself: no time limit, a little less"
                    + " latency.")
    long requestTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Request timeouts per model or kind (ms)",
            description = "Entries <model>=<millis> or kind:<kind>=<millis> that replace the request timeout for"
                    + " one model or for every model of a kind, e.g. kind:nlp.customer-service=30000; a model's own"
                    + " entry wins over its kind's. 0 scores that model on the HTTP thread without a limit.")
    String[] requestTimeouts() default {};

    @AttributeDefinition(name = "Concurrent requests per model",
            description = "Scoring requests one model serves at once; further requests wait up to the queue"
                    + " wait below and then get 429 with Retry-After instead of queueing forever.")
    int maxConcurrentPerModel() default 64;

    @AttributeDefinition(name = "Queue wait (ms)",
            description = "How long a scoring request may wait for a free slot of its model before 429.")
    long queueWaitMillis() default 50;

    @AttributeDefinition(name = "Retry-After (seconds)",
            description = "Value of the Retry-After header sent with 429 and 503 answers.")
    int retryAfterSeconds() default 1;

    @AttributeDefinition(name = "JAAS realm",
            description = "Realm that checks HTTP Basic credentials; Karaf's users live in realm karaf.")
    String realm() default "karaf";

    @AttributeDefinition(name = "Role principal classes",
            description = "Class names of the JAAS principals that carry roles.")
    String[] rolePrincipalClasses() default {"org.apache.karaf.jaas.boot.principal.RolePrincipal"};

    @AttributeDefinition(name = "Credential cache (seconds)",
            description = "How long a successful login is remembered (keyed by a hash of user and password),"
                    + " so scoring does not run a JAAS login per request; 0 logs in every time.")
    int authCacheSeconds() default 60;

    @AttributeDefinition(name = "Dataset directories",
            description = "Server-side directories that training requests may name data sets in. Relative"
                    + " paths resolve against the first; paths outside all of them are refused. Empty means"
                    + " ${karaf.data}/merx/datasets.")
    String[] datasetDirectories() default {};

    @AttributeDefinition(name = "Create initial admin",
            description = "On first start, when etc/users.properties holds no user with a merx-* role, add"
                    + " user merx-admin with a random password written once to"
                    + " ${karaf.data}/merx/initial-admin-password.")
    boolean createInitialAdmin() default true;
}
