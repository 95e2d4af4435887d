package io.merx.runtime.shell.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.ScoreRequest;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ScoreResponse;
import io.merx.runtime.shell.command.completers.ModelNameCompleter;
import io.merx.runtime.shell.command.completers.VersionCompleter;

@Command(scope = "model", name = "score",
        description = "Scores JSON inputs, e.g. model:score churn '{\"x\": [1, 2]}'; an array scores a batch")
@Service
public final class ScoreCommand implements Action {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Reference
    private ModelRuntime runtime;

    @Argument(index = 0, name = "model", required = true, description = "Model name")
    @Completion(ModelNameCompleter.class)
    private String model;

    @Argument(index = 1, name = "inputs", required = true, description = "JSON object of inputs, or array of them")
    private String inputs;

    @Option(name = "-v", aliases = "--version", description = "Version or alias (default live)")
    @Completion(VersionCompleter.class)
    private String version = ModelRuntime.LIVE;

    @Option(name = "-k", aliases = "--key", description = "Routing key, e.g. a user id; keeps canary sticky")
    private String key;

    @Override
    public Object execute() throws Exception {
        JsonNode json = JSON.readTree(inputs);
        if (json.isObject()) {
            print(runtime.score(model, version, new ScoreRequest(key, JSON.convertValue(json, MAP))));
        } else if (json.isArray()) {
            List<ScoreRequest> requests = new ArrayList<>();
            for (JsonNode element : json) {
                if (!element.isObject()) {
                    throw new IllegalArgumentException("each element of the array must be a JSON object of inputs");
                }
                requests.add(new ScoreRequest(key, JSON.convertValue(element, MAP)));
            }
            for (ScoreResponse response : runtime.scoreBatch(model, version, requests)) {
                print(response);
            }
        } else {
            throw new IllegalArgumentException("inputs must be a JSON object or an array of objects");
        }
        return null;
    }

    private static void print(ScoreResponse response) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", response.model());
        json.put("version", response.version());
        json.put("route", response.route());
        json.put("outputs", response.result().outputs());
        System.out.println(JSON.writeValueAsString(json));
    }
}
