package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * customers.segments in the distribution: the demo model goes live and places a demo customer (its features match
 * the demo order lines), a second version swaps in; over REST, a model trains from an uploaded CSV with its own
 * column names and places a new customer, and bad input is refused naming what was wrong; purchases posted as
 * behaviour events train a model through the events export.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CustomersIT extends ModuleITSupport {

    private static final String CUSTOMER = "C00017";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestClient rest = new RestClient(TIMEOUT_MS);

    @Override
    protected String kind() {
        return "customers.segments";
    }

    @Override
    protected String bootFeatures() {
        return "merx-rest, merx-events, merx-customers";
    }

    @Override
    protected String requestJson() {
        return "{\"customer\": \"" + CUSTOMER + "\"}";
    }

    /**
     * A demo customer's segment: an id and a label in words, and the features it was placed by, which are the
     * customer's own order count and days since the last order in the demo order lines.
     */
    @Override
    protected void assertAnswer(Map<String, Object> outputs, Dataset demo) {
        int segment = (int) finite(outputs.get("segment"), "segment");
        assertTrue(outputs.toString(), segment >= 1 && segment <= 8);
        assertTrue(outputs.toString(), ((String) outputs.get("label")).matches("[a-z ,()0-9-]+"));
        assertTrue(outputs.toString(), ((String) outputs.get("description")).contains(" customers ("));
        assertEquals(outputs.toString(), Boolean.TRUE, outputs.get("knownCustomer"));
        Set<String> orders = new HashSet<>();
        LocalDate last = LocalDate.MIN;
        LocalDate end = LocalDate.MIN;
        for (int r = 0; r < demo.rowCount(); r++) {
            LocalDate date = LocalDate.parse(demo.strings("date")[r]);
            end = date.isAfter(end) ? date : end;
            if (demo.strings("customer")[r].equals(CUSTOMER)) {
                orders.add(demo.strings("order")[r]);
                last = date.isAfter(last) ? date : last;
            }
        }
        Map<String, Object> features = object(outputs.get("features"));
        assertEquals(features.toString(), orders.size(), finite(features.get("orders"), "orders"), 0);
        assertEquals(features.toString(), end.toEpochDay() - last.toEpochDay(),
                finite(features.get("recencyDays"), "recencyDays"), 0);
    }

    @Override
    protected Map<String, String> secondVersionParameters() {
        return Map.of("k", "4");
    }

    @Test
    @Override
    public void installTrainScoreSwap() throws Exception {
        super.installTrainScoreSwap();
    }

    @Test
    public void trainsFromAnUploadedCsvAndRefusesBadInputNamingIt() throws Exception {
        Dataset demo = awaitService(ModelKind.class, "(" + ModelKind.PROPERTY_NAME + "=" + kind() + ")").demoData()
                .orElseThrow();
        StringBuilder csv = new StringBuilder("client,day,total,category\n");
        for (int r = 0; r < demo.rowCount(); r++) {
            csv.append(demo.strings("customer")[r]).append(',').append(demo.strings("date")[r]).append(',')
                    .append(demo.numbers("amount")[r]).append(',').append(demo.strings("category")[r]).append('\n');
        }
        String columns = "&param.customerColumn=client&param.dateColumn=day&param.amountColumn=total";

        HttpResponse<String> outOfRange = upload("shop-segments", csv.toString(), columns + "&param.k=99");
        assertEquals(outOfRange.body(), 400, outOfRange.statusCode());
        assertTrue(outOfRange.body(), outOfRange.body().contains("'k'"));

        HttpResponse<String> accepted = upload("shop-segments", csv.toString(), columns + "&param.k=3");
        assertEquals(accepted.body(), 202, accepted.statusCode());
        JsonNode job = awaitJob("shop-segments");
        assertEquals(job.toString(), "succeeded", job.get("state").asText());

        HttpResponse<String> scored = rest.send("POST", "/api/v1/models/shop-segments/score", rest.admin(),
                "{\"inputs\": {\"recencyDays\": 10, \"orders\": 12, \"meanOrderAmount\": 90, \"tenureDays\": 500,"
                        + " \"categorySpend\": {\"grocery\": 700, \"home\": 380}}}");
        assertEquals(scored.body(), 200, scored.statusCode());
        JsonNode outputs = JSON.readTree(scored.body()).get("outputs");
        assertTrue(scored.body(), outputs.get("segment").asInt() >= 1 && outputs.get("segment").asInt() <= 3);
        assertEquals(scored.body(), false, outputs.get("knownCustomer").asBoolean());
        assertTrue("a frequent, recent customer is not called occasional or lapsed: " + scored.body(),
                !outputs.get("label").asText().contains("occasional") && !outputs.get("label").asText().contains("lapsed"));

        HttpResponse<String> missing = rest.send("POST", "/api/v1/models/shop-segments/score", rest.admin(),
                "{\"inputs\": {\"recencyDays\": 10, \"orders\": 12, \"meanOrderAmount\": 90}}");
        assertEquals(missing.body(), 400, missing.statusCode());
        assertTrue(missing.body(), missing.body().contains("tenureDays"));

        String bad = "client,day,total\nC1,2024-01-02,10\nC2,2024-01-03,ten\n";
        HttpResponse<String> badData = upload("bad-segments", bad, columns);
        assertEquals(badData.body(), 202, badData.statusCode());
        JsonNode failed = awaitJob("bad-segments");
        assertEquals(failed.toString(), "failed", failed.get("state").asText());
        assertTrue(failed.toString(), failed.get("message").asText().contains("column 'total' row 2"));
    }

    /**
     * Purchases sent to {@code POST /api/v1/events} are order lines: the export's user, timestamp and value columns
     * train segments, and a customer's features count their purchase days among the events sent.
     */
    @Test
    public void trainsFromPurchaseEvents() throws Exception {
        Dataset demo = awaitService(ModelKind.class, "(" + ModelKind.PROPERTY_NAME + "=" + kind() + ")").demoData()
                .orElseThrow();
        int lines = Math.min(4000, demo.rowCount());
        for (int from = 0; from < lines; from += 1000) {
            StringBuilder body = new StringBuilder("{\"events\": [");
            for (int r = from; r < Math.min(lines, from + 1000); r++) {
                body.append(r > from ? "," : "").append("{\"id\": \"line-").append(r)
                        .append("\", \"type\": \"purchase\", \"user\": \"").append(demo.strings("customer")[r])
                        .append("\", \"item\": \"").append(demo.strings("item")[r])
                        .append("\", \"value\": ").append(demo.numbers("amount")[r])
                        .append(", \"timestamp\": \"").append(demo.strings("date")[r]).append("T12:00:00Z\"}");
            }
            HttpResponse<String> sent = rest.send("POST", "/api/v1/events", rest.admin(), body.append("]}").toString());
            assertEquals(sent.body(), 200, sent.statusCode());
        }
        HttpResponse<String> export = rest.send("GET", "/api/v1/events/export?types=purchase", rest.admin(), null);
        assertEquals(export.body(), 200, export.statusCode());
        assertTrue(export.body(), export.body().startsWith("user,item,weight,timestamp,value\n"));
        assertEquals(lines, export.body().lines().count() - 1);

        HttpResponse<String> accepted = upload("event-segments", export.body(),
                "&param.customerColumn=user&param.dateColumn=timestamp&param.amountColumn=value&param.k=3");
        assertEquals(accepted.body(), 202, accepted.statusCode());
        JsonNode job = awaitJob("event-segments");
        assertEquals(job.toString(), "succeeded", job.get("state").asText());

        String customer = demo.strings("customer")[0];
        Set<String> purchaseDays = new HashSet<>();
        for (int r = 0; r < lines; r++) {
            if (demo.strings("customer")[r].equals(customer)) {
                purchaseDays.add(demo.strings("date")[r]);
            }
        }
        HttpResponse<String> scored = rest.send("POST", "/api/v1/models/event-segments/score", rest.admin(),
                "{\"inputs\": {\"customer\": \"" + customer + "\"}}");
        assertEquals(scored.body(), 200, scored.statusCode());
        JsonNode outputs = JSON.readTree(scored.body()).get("outputs");
        assertEquals(scored.body(), true, outputs.get("knownCustomer").asBoolean());
        assertEquals(scored.body(), purchaseDays.size(), outputs.get("features").get("orders").asInt());
    }

    private HttpResponse<String> upload(String model, String csv, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestClient.base() + "/api/v1/models/" + model
                + "/train?kind=" + kind() + "&activate=true" + query))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(rest.admin().getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitJob(String model) throws Exception {
        long deadline = System.currentTimeMillis() + 3 * TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = JSON.readTree(rest.send("GET", "/api/v1/models/" + model + "/job", rest.admin(), null)
                    .body());
            String state = job.path("state").asText();
            if (state.equals("succeeded") || state.equals("failed") || state.equals("cancelled")) {
                return job;
            }
            Thread.sleep(250);
        }
        fail("training job of " + model + " did not finish in time");
        return null;
    }
}
