package io.merx.recommendation.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;

/**
 * An HNSW graph frozen into compressed rows, one set per level: what is written to the artifact and what queries
 * walk. Lucene's {@link HnswGraph} is a cursor (seek, then next neighbour), so every search takes its own
 * {@link #cursor()} over the shared, immutable arrays; the graph itself is safe to share between threads.
 *
 * <p>Level 0 holds every item, rows indexed by item; a higher level lists its items (sorted) and rows in that order.
 */
final class StoredGraph {

    private final int size;
    private final int entryNode;
    /** Items on each level; null for level 0, where row {@code i} is item {@code i}. */
    private final int[][] nodes;
    private final int[][] ptr;
    private final int[][] neighbours;

    private StoredGraph(int size, int entryNode, int[][] nodes, int[][] ptr, int[][] neighbours) {
        this.size = size;
        this.entryNode = entryNode;
        this.nodes = nodes;
        this.ptr = ptr;
        this.neighbours = neighbours;
    }

    /** Copies a graph Lucene built on the heap (its per-node arrays hold spare capacity) into rows. */
    static StoredGraph of(HnswGraph graph) throws IOException {
        int levels = graph.numLevels();
        int size = graph.size();
        int[][] nodes = new int[levels][];
        int[][] ptr = new int[levels][];
        int[][] neighbours = new int[levels][];
        for (int level = 0; level < levels; level++) {
            int[] onLevel = level == 0 ? null : HnswGraph.NodesIterator.getSortedNodes(graph.getNodesOnLevel(level));
            int count = level == 0 ? size : onLevel.length;
            int[] offsets = new int[count + 1];
            int[] edges = new int[Math.max(16, count * 8)];
            int n = 0;
            for (int row = 0; row < count; row++) {
                graph.seek(level, level == 0 ? row : onLevel[row]);
                for (int next = graph.nextNeighbor(); next != DocIdSetIterator.NO_MORE_DOCS;
                        next = graph.nextNeighbor()) {
                    if (n == edges.length) {
                        edges = Arrays.copyOf(edges, edges.length + (edges.length >> 1));
                    }
                    edges[n++] = next;
                }
                offsets[row + 1] = n;
            }
            nodes[level] = onLevel;
            ptr[level] = offsets;
            neighbours[level] = Arrays.copyOf(edges, n);
        }
        return new StoredGraph(size, graph.entryNode(), nodes, ptr, neighbours);
    }

    int size() {
        return size;
    }

    /** Edges over all levels, for the model's size notes. */
    long edges() {
        long total = 0;
        for (int[] level : neighbours) {
            total += level.length;
        }
        return total;
    }

    /** A fresh cursor for one search. */
    HnswGraph cursor() {
        return new Cursor();
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(size);
        out.writeInt(entryNode);
        out.writeInt(ptr.length);
        for (int level = 0; level < ptr.length; level++) {
            if (level > 0) {
                ModelFiles.writeInts(out, nodes[level]);
            }
            ModelFiles.writeInts(out, ptr[level]);
            ModelFiles.writeInts(out, neighbours[level]);
        }
    }

    /** Reads a graph over {@code items} items, checking every offset and neighbour is in range. */
    static StoredGraph read(DataInputStream in, int items) throws IOException {
        int size = in.readInt();
        int entry = in.readInt();
        int levels = in.readInt();
        check(size == items, "the index covers " + size + " items, the catalogue " + items);
        check(levels >= 1 && levels <= 64 && entry >= 0 && entry < size, "implausible index header");
        int[][] nodes = new int[levels][];
        int[][] ptr = new int[levels][];
        int[][] neighbours = new int[levels][];
        for (int level = 0; level < levels; level++) {
            if (level > 0) {
                nodes[level] = ModelFiles.readInts(in);
                for (int i = 0; i < nodes[level].length; i++) {
                    check(nodes[level][i] >= 0 && nodes[level][i] < size
                            && (i == 0 || nodes[level][i - 1] < nodes[level][i]), "index level nodes out of order");
                }
            }
            ptr[level] = ModelFiles.readInts(in);
            neighbours[level] = ModelFiles.readInts(in);
            int rows = level == 0 ? size : nodes[level].length;
            check(ptr[level].length == rows + 1 && ptr[level][0] == 0 && ptr[level][rows] == neighbours[level].length,
                    "index offsets do not match level " + level);
            for (int r = 0; r < rows; r++) {
                check(ptr[level][r] <= ptr[level][r + 1], "index offsets not increasing");
            }
            for (int v : neighbours[level]) {
                check(v >= 0 && v < size, "index neighbour out of range");
            }
        }
        check(levels == 1 || Arrays.binarySearch(nodes[levels - 1], entry) >= 0, "index entry not on the top level");
        return new StoredGraph(size, entry, nodes, ptr, neighbours);
    }

    private static void check(boolean ok, String problem) throws IOException {
        if (!ok) {
            throw new IOException(problem);
        }
    }

    /** One search's position in the graph. */
    private final class Cursor extends HnswGraph {
        private int next;
        private int end;
        private int[] row;

        @Override
        public void seek(int level, int target) {
            int r = level == 0 ? target : Arrays.binarySearch(nodes[level], target);
            row = neighbours[level];
            next = ptr[level][r];
            end = ptr[level][r + 1];
        }

        @Override
        public int nextNeighbor() {
            return next < end ? row[next++] : DocIdSetIterator.NO_MORE_DOCS;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int numLevels() {
            return ptr.length;
        }

        @Override
        public int entryNode() {
            return entryNode;
        }

        @Override
        public NodesIterator getNodesOnLevel(int level) {
            return level == 0 ? new ArrayNodesIterator(size) : new ArrayNodesIterator(nodes[level], nodes[level].length);
        }
    }
}
