package io.merx.runtime.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import io.merx.api.runtime.CanarySplit;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.VersionState;

/**
 * What the registry knows about one model, as an immutable value: replacing a record is the atomic switch
 * that scoring threads observe.
 *
 * @param versions version to its state, in numeric order
 * @param aliases alias to version
 * @param liveHistory earlier targets of the live alias, most recent last, for rollback
 * @param canary share of live traffic sent elsewhere, or null
 * @param shadow version scored in the shadow of live traffic, or null
 * @param lastVersion highest version number ever assigned, so deleted numbers are not reused
 */
record ModelRecord(String name, SortedMap<String, Status> versions, Map<String, String> aliases,
        List<String> liveHistory, CanarySplit canary, String shadow, long lastVersion) {

    /** Numeric order for version strings (no leading zeros); safe for any string a caller passes. */
    static final Comparator<String> NUMERIC = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());
    private static final int HISTORY = 20;

    /** State of one version and, when FAILED, why. */
    record Status(VersionState state, String reason) {
        Status {
            Objects.requireNonNull(state, "state");
        }
    }

    ModelRecord {
        Objects.requireNonNull(name, "name");
        TreeMap<String, Status> sorted = new TreeMap<>(NUMERIC);
        sorted.putAll(versions);
        versions = Collections.unmodifiableSortedMap(sorted);
        aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
        liveHistory = List.copyOf(liveHistory);
    }

    static ModelRecord empty(String name) {
        return new ModelRecord(name, new TreeMap<>(), Map.of(), List.of(), null, null, 0);
    }

    String live() {
        return aliases.get(ModelRuntime.LIVE);
    }

    /** Aliases, canary and shadow pointing at a version, e.g. {@code [live]}. */
    List<String> referencesTo(String version) {
        List<String> names = new ArrayList<>();
        aliases.forEach((alias, target) -> {
            if (target.equals(version)) {
                names.add(alias);
            }
        });
        if (canary != null && canary.version().equals(version)) {
            names.add("canary");
        }
        if (version.equals(shadow)) {
            names.add("shadow");
        }
        return names;
    }

    ModelRecord withVersion(String version, Status status) {
        SortedMap<String, Status> copy = new TreeMap<>(versions);
        copy.put(version, status);
        return new ModelRecord(name, copy, aliases, liveHistory, canary, shadow,
                Math.max(lastVersion, Long.parseLong(version)));
    }

    ModelRecord withoutVersion(String version) {
        SortedMap<String, Status> copy = new TreeMap<>(versions);
        copy.remove(version);
        List<String> history = new ArrayList<>(liveHistory);
        history.removeIf(version::equals);
        return new ModelRecord(name, copy, aliases, history, canary, shadow, lastVersion);
    }

    /** Points an alias at a version; moving live remembers the previous target for rollback. */
    ModelRecord withAlias(String alias, String version) {
        Map<String, String> copy = new LinkedHashMap<>(aliases);
        String previous = copy.put(alias, version);
        List<String> history = liveHistory;
        if (ModelRuntime.LIVE.equals(alias) && previous != null && !previous.equals(version)) {
            history = new ArrayList<>(liveHistory);
            history.add(previous);
            history = history.subList(Math.max(0, history.size() - HISTORY), history.size());
        }
        // A canary of the version that just went live has nothing left to compare with.
        boolean live = ModelRuntime.LIVE.equals(alias);
        CanarySplit newCanary = live && canary != null && canary.version().equals(version) ? null : canary;
        // Likewise a shadow of the version that just went live would only compare it with itself.
        String newShadow = live && version.equals(shadow) ? null : shadow;
        return new ModelRecord(name, versions, copy, history, newCanary, newShadow, lastVersion);
    }

    /** Points live back at the last history entry and forgets it. */
    ModelRecord rolledBack(String version) {
        List<String> history = new ArrayList<>(liveHistory);
        history.remove(history.size() - 1);
        Map<String, String> copy = new LinkedHashMap<>(aliases);
        copy.put(ModelRuntime.LIVE, version);
        return new ModelRecord(name, versions, copy, history, canary, shadow, lastVersion);
    }

    ModelRecord withoutAlias(String alias) {
        Map<String, String> copy = new LinkedHashMap<>(aliases);
        copy.remove(alias);
        return new ModelRecord(name, versions, copy, liveHistory, canary, shadow, lastVersion);
    }

    ModelRecord withCanary(CanarySplit split) {
        return new ModelRecord(name, versions, aliases, liveHistory, split, shadow, lastVersion);
    }

    ModelRecord withShadow(String version) {
        return new ModelRecord(name, versions, aliases, liveHistory, canary, version, lastVersion);
    }
}
