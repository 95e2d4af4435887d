package io.merx.runtime.shell.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the {@code model:*} shell commands may touch the server's file system: data sets for {@code model:train},
 * archives for {@code model:import}, and the one directory {@code model:export} writes to. Configured under the
 * runtime's pid ({@link ShellFilesConfig}); the runtime API itself takes any path, since its other callers (REST,
 * demo models) choose their files themselves. The shell is the caller that passes a user's typed path, so the
 * shell confines it, in this bundle, before any path reaches the runtime.
 */
// No @Designate: the runtime bundle owns the metatype of this pid; two descriptions of one pid would compete.
@Component(service = ShellFiles.class, configurationPid = ShellFiles.PID)
public final class ShellFiles {

    /** The runtime's configuration pid, shared with the runtime bundle. */
    static final String PID = "io.merx.runtime";

    private static final Logger LOG = LoggerFactory.getLogger(ShellFiles.class);

    private final FileArea datasets;
    private final FileArea imports;
    private final FileArea exports;

    @Activate
    public ShellFiles(ShellFilesConfig config) {
        this(directories(config.datasetDirectories(), "datasets"), importDirectories(config),
                directories(new String[] {config.exportDirectory()}, "exports").get(0),
                FileArea.karafCodeDirectories());
    }

    ShellFiles(List<Path> datasets, List<Path> imports, Path export, List<Path> forbidden) {
        this.datasets = new FileArea("a data set", datasets, forbidden);
        this.imports = new FileArea("an archive to import", imports, forbidden);
        this.exports = new FileArea("an archive to export", List.of(export), forbidden);
        for (FileArea area : List.of(this.datasets, this.imports, this.exports)) {
            try {
                area.createDirectories();
            } catch (IOException e) {
                LOG.warn("Cannot create {}: {}", area.describe(), e.getMessage());
            }
        }
    }

    /** Where {@code model:train} reads data sets. */
    public FileArea datasets() {
        return datasets;
    }

    /** Where {@code model:import} reads archives. */
    public FileArea imports() {
        return imports;
    }

    /** Where {@code model:export} writes archives. */
    public FileArea exports() {
        return exports;
    }

    private static List<Path> importDirectories(ShellFilesConfig config) {
        List<Path> dirs = new ArrayList<>(directories(config.importDirectories(), "imports"));
        if (blank(config.importDirectories())) {
            dirs.addAll(directories(new String[] {config.exportDirectory()}, "exports"));
        }
        return dirs;
    }

    /** The configured directories, else {@code ${karaf.data}/merx/<fallback>}. */
    private static List<Path> directories(String[] configured, String fallback) {
        if (blank(configured)) {
            return List.of(merxData().resolve(fallback));
        }
        List<Path> dirs = new ArrayList<>();
        for (String dir : configured) {
            if (dir != null && !dir.isBlank()) {
                dirs.add(Path.of(dir.trim()));
            }
        }
        return dirs;
    }

    /** {@code ${karaf.data}/merx}, else {@code ./data/merx}, as the runtime resolves it. */
    static Path merxData() {
        String data = System.getProperty("karaf.data");
        return Path.of(data == null || data.isBlank() ? "data" : data, "merx");
    }

    private static boolean blank(String[] values) {
        if (values == null) {
            return true;
        }
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
