package io.merx.itests.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets keys in a Karaf {@code etc/*.cfg} file before the node starts, keeping the rest of the file (comments,
 * other keys) as the distribution ships it. A value spread over continuation lines ({@code featuresBoot = a, \})
 * is replaced whole.
 */
final class CfgFile {

    private CfgFile() {
    }

    /** Sets each key to its value: replaced where the file has the key, appended where it does not. */
    static void set(Path file, Map<String, String> values) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            lines = set(lines, entry.getKey(), entry.getValue());
        }
        Files.write(file, lines);
    }

    /** The value of a key as the file holds it, continuation lines joined; null when absent. */
    static String get(Path file, String key) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (isKey(lines.get(i), key)) {
                StringBuilder value = new StringBuilder();
                String line = lines.get(i).substring(lines.get(i).indexOf('=') + 1);
                while (line.endsWith("\\") && i + 1 < lines.size()) {
                    value.append(line, 0, line.length() - 1);
                    line = lines.get(++i);
                }
                return value.append(line).toString().trim();
            }
        }
        return null;
    }

    private static List<String> set(List<String> lines, String key, String value) {
        List<String> out = new ArrayList<>();
        boolean done = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!done && isKey(line, key)) {
                while (line.endsWith("\\") && i + 1 < lines.size()) {
                    line = lines.get(++i);
                }
                out.add(key + " = " + value);
                done = true;
            } else {
                out.add(line);
            }
        }
        if (!done) {
            out.add(key + " = " + value);
        }
        return out;
    }

    private static boolean isKey(String line, String key) {
        String trimmed = line.trim();
        if (!trimmed.startsWith(key)) {
            return false;
        }
        String rest = trimmed.substring(key.length()).trim();
        return rest.startsWith("=") || rest.startsWith(":");
    }
}
