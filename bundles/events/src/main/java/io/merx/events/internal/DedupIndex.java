package io.merx.events.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the most recent {@code capacity} accepted events, oldest forgotten first. Rebuilt on start from the
 * retained log, so a re-sent event is recognised across restarts as long as its id is among the newest
 * {@code capacity} ids and its segment is still retained. Not thread-safe: the ingest lock guards it.
 */
final class DedupIndex {

    private final Map<String, Boolean> ids;

    DedupIndex(int capacity) {
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    boolean contains(String id) {
        return ids.containsKey(id);
    }

    void add(String id) {
        ids.put(id, Boolean.TRUE);
    }

    int size() {
        return ids.size();
    }
}
