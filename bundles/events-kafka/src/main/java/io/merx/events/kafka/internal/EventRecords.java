package io.merx.events.kafka.internal;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.merx.api.events.Event;
import io.merx.api.events.InvalidEventException;

/**
 * A record's value as an event: one JSON object with the fields and rules of {@code POST /api/v1/events}, which
 * {@link Event#fromJson} holds for both ways in.
 */
final class EventRecords {

    /** The field named when the record as a whole is at fault; not {@code value}, which is an event's field. */
    static final String RECORD = "record";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The event in {@code value}.
     *
     * @throws InvalidEventException naming the field at fault; {@link #RECORD} for a record that is not one JSON object
     */
    Event parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidEventException(RECORD, "is empty (a tombstone or an empty record), not an event");
        }
        Map<String, Object> fields;
        try {
            if (firstNonBlank(value) != '{') {
                throw new InvalidEventException(RECORD, "must be one JSON object (an event)");
            }
            fields = mapper.readValue(value, OBJECT);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(RECORD, "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidEventException(RECORD, "could not be read: " + e.getMessage());
        }
        return Event.fromJson(fields);
    }

    private static int firstNonBlank(byte[] value) {
        for (byte b : value) {
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return -1;
    }
}
