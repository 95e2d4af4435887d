package io.merx.schedule.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import io.merx.api.events.EventService;
import io.merx.api.schedule.RetrainSchedule;

/**
 * Reads the events log through {@link EventService#exportCsv} (the same CSV {@code GET /api/v1/events/export}
 * streams) and writes the training part back in that format for the runtime to train on.
 */
final class EventsExport {

    static final String[] HEADER = {"user", "item", "weight", "timestamp"};

    private EventsExport() {
    }

    /** The events of the schedule's types, exported through {@code scratch}, which is deleted afterwards. */
    static List<Interaction> read(EventService events, RetrainSchedule schedule, Path scratch) throws IOException {
        try {
            try (Writer out = Files.newBufferedWriter(scratch, StandardCharsets.UTF_8)) {
                events.exportCsv(schedule.eventTypes(), out);
            }
            try (Reader in = Files.newBufferedReader(scratch, StandardCharsets.UTF_8)) {
                return parse(in);
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    static List<Interaction> parse(Reader in) throws IOException {
        List<Interaction> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord record : parser) {
                rows.add(new Interaction(record.get("user"), record.get("item"), time(record.get("timestamp"))));
            }
        }
        return rows;
    }

    private static long time(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        }
    }

    /** Writes events as a training CSV: weight 1 per event, as the export does. */
    static void write(List<Interaction> rows, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).build())) {
            for (Interaction row : rows) {
                printer.printRecord(row.user(), row.item(), 1, Instant.ofEpochMilli(row.time()).toString());
            }
        }
    }
}
