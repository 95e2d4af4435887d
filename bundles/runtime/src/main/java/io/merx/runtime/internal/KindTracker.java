package io.merx.runtime.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ModelKind;

/**
 * The installed {@link ModelKind} services, by name, possibly several versions of one name during a bundle
 * update. Adding and removing never blocks; the listener hears the kind name and reacts elsewhere.
 */
final class KindTracker {

    private static final Logger LOG = LoggerFactory.getLogger(KindTracker.class);

    private final Map<String, List<ModelKind>> kinds = new ConcurrentHashMap<>();
    private final Consumer<String> onChange;

    KindTracker(Consumer<String> onChange) {
        this.onChange = onChange;
    }

    void add(ModelKind kind) {
        kinds.computeIfAbsent(kind.name(), n -> new CopyOnWriteArrayList<>()).add(kind);
        LOG.info("Kind {} {} is available", kind.name(), kind.version());
        onChange.accept(kind.name());
    }

    void remove(ModelKind kind) {
        List<ModelKind> list = kinds.get(kind.name());
        if (list != null) {
            list.removeIf(k -> k == kind);
        }
        LOG.info("Kind {} {} went away", kind.name(), kind.version());
        onChange.accept(kind.name());
    }

    /** The highest installed version of a kind inside the range. */
    Optional<ModelKind> select(String name, String range) {
        VersionRange accepted = VersionRange.valueOf(range);
        return kinds.getOrDefault(name, List.of()).stream()
                .filter(k -> accepted.includes(version(k)))
                .max(Comparator.comparing(KindTracker::version));
    }

    /** The highest installed version of a kind, for training. */
    Optional<ModelKind> newest(String name) {
        return kinds.getOrDefault(name, List.of()).stream().max(Comparator.comparing(KindTracker::version));
    }

    /** All installed kinds, by name then version. */
    List<ModelKind> all() {
        List<ModelKind> all = new ArrayList<>();
        kinds.values().forEach(all::addAll);
        all.sort(Comparator.comparing(ModelKind::name).thenComparing(KindTracker::version));
        return all;
    }

    /** Operator message for a kind that is needed but not installed. */
    String missing(String name, String range) {
        List<String> installed = kinds.getOrDefault(name, List.of()).stream().map(ModelKind::version).toList();
        return "kind '" + name + "' " + range + " is not installed"
                + (installed.isEmpty() ? "" : " (installed versions: " + String.join(", ", installed) + ")");
    }

    static Version version(ModelKind kind) {
        try {
            return Version.parseVersion(kind.version());
        } catch (IllegalArgumentException e) {
            LOG.warn("Kind {} has an invalid version '{}'; treating it as 0.0.0", kind.name(), kind.version());
            return Version.emptyVersion;
        }
    }
}
