package io.merx.runtime.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.Dataset;
import io.merx.api.ModelKind;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;

/**
 * Gives every kind that brings demo data a live model {@code <kind>-demo} (dots become dashes), trained the
 * first time the kind is seen by this store, so a fresh distribution answers right away. Each demo is made
 * once: a marker file remembers it, so an operator who deletes a demo model does not see it come back.
 */
final class DemoModels {

    private static final Logger LOG = LoggerFactory.getLogger(DemoModels.class);

    private final ModelRuntime runtime;
    private final KindTracker kinds;
    private final Path workDirectory;
    private final boolean enabled;
    /** Demo jobs started by this runtime; the runtime is not ready while one runs. */
    private final List<TrainingJob> jobs = new CopyOnWriteArrayList<>();

    DemoModels(ModelRuntime runtime, KindTracker kinds, Path workDirectory, boolean enabled) {
        this.runtime = runtime;
        this.kinds = kinds;
        this.workDirectory = workDirectory;
        this.enabled = enabled;
    }

    static String modelName(String kindName) {
        return kindName.replace('.', '-') + "-demo";
    }

    /** Called on the runtime's maintenance thread whenever a kind comes or goes. */
    void kindChanged(String kindName) {
        if (!enabled) {
            return;
        }
        Optional<ModelKind> kind = kinds.newest(kindName);
        if (kind.isEmpty()) {
            return;
        }
        String model = modelName(kindName);
        Path marker = marker(model);
        rememberFinished();
        if (Files.exists(marker)) {
            return;
        }
        if (runtime.models().stream().anyMatch(m -> m.name().equals(model))) {
            remember(model);
            return;
        }
        try {
            Optional<Dataset> data = kind.get().demoData();
            if (data.isEmpty()) {
                return;
            }
            Files.createDirectories(workDirectory);
            Path csv = workDirectory.resolve(model + ".csv");
            writeCsv(data.get(), csv);
            // The marker is written once the demo exists, not now: a runtime stopped mid-training (a restart, a
            // configuration that arrives after start) trains it again rather than never.
            jobs.add(runtime.train(TrainingRequest.builder(model, kindName, csv).activate(true).build()));
            LOG.info("Training demo model {} ({} rows of {} demo data); it goes live when done", model,
                    data.get().rowCount(), kindName);
        } catch (IOException | RuntimeException e) {
            // A broken demo must not keep the kind or the runtime from working.
            LOG.warn("Cannot train demo model {}: {}", model, e.getMessage());
        }
    }

    /** Whether a demo model is still being trained (and made live once done). */
    boolean training() {
        rememberFinished();
        return !jobs.isEmpty();
    }

    /** Marks the demos whose training succeeded as made, and forgets finished jobs. */
    private synchronized void rememberFinished() {
        jobs.removeIf(job -> {
            if (!job.state().isDone()) {
                return false;
            }
            if (job.state() == JobState.SUCCEEDED) {
                remember(job.model());
            }
            return true;
        });
    }

    /** Remembers that this demo was made, so that deleting it does not bring it back. */
    private void remember(String model) {
        try {
            Files.createDirectories(workDirectory);
            Files.writeString(marker(model), "made\n");
        } catch (IOException e) {
            LOG.warn("Cannot remember that demo model {} was made: {}", model, e.getMessage());
        }
    }

    private Path marker(String model) {
        return workDirectory.resolve(model + ".trained");
    }

    private static void writeCsv(Dataset data, Path file) throws IOException {
        List<String> columns = data.columnNames();
        String[][] values = new String[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            values[c] = data.isNumeric(columns.get(c)) ? numbers(data.numbers(columns.get(c)))
                    : data.strings(columns.get(c));
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out,
                        CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).build())) {
            Object[] row = new Object[columns.size()];
            for (int r = 0; r < data.rowCount(); r++) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = values[c][r] == null ? "" : values[c][r];
                }
                printer.printRecord(row);
            }
        }
    }

    /** Full precision, so the demo model trains on exactly the generated values. */
    private static String[] numbers(double[] column) {
        String[] out = new String[column.length];
        for (int i = 0; i < column.length; i++) {
            out[i] = Double.isNaN(column[i]) ? null : Double.toString(column[i]);
        }
        return out;
    }
}
