package io.merx.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.merx.api.Dataset;

class DatasetReaderTest {

    @TempDir
    Path dir;

    @Test
    void csvDetectsNumericColumnsAndMissingValues() throws Exception {
        Dataset data = DatasetReader.read(write("a.csv", "user,amount,city\nu1,1.5,Berlin\nu2,,\"Paris, FR\"\n"));
        assertEquals(2, data.rowCount());
        assertTrue(data.isNumeric("amount"));
        assertTrue(Double.isNaN(data.numbers("amount")[1]));
        assertArrayEquals(new String[] {"Berlin", "Paris, FR"}, data.strings("city"));
        assertArrayEquals(new String[] {"u1", "u2"}, data.strings("user"));
    }

    @Test
    void jsonLinesFillsAbsentFieldsAndNamesBadLines() throws Exception {
        Dataset data = DatasetReader.read(write("a.jsonl", "{\"x\": 1, \"tag\": \"a\"}\n\n{\"x\": 2}\n{\"y\": 3}\n"));
        assertEquals(3, data.rowCount());
        assertArrayEquals(new double[] {1, 2, Double.NaN}, data.numbers("x"));
        assertArrayEquals(new String[] {"a", null, null}, data.strings("tag"));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 3}, data.numbers("y"));

        assertMessage("b.jsonl", "{\"x\": 1}\n{\"x\": \n", "b.jsonl line 2: malformed JSON");
        assertMessage("c.jsonl", "{\"x\": [1, 2]}\n", "line 1: column 'x' holds array");
        assertMessage("d.jsonl", "[1]\n", "line 1: expected a JSON object");
    }

    @Test
    void emptyAndMalformedCsvAreRejectedWithTheLine() throws Exception {
        assertMessage("e.csv", "x,y\n", "has no rows");
        assertMessage("f.csv", "x,y\n1,2\n3\n", "f.csv line 3: expected 2 columns");
        assertMessage("g.csv", "x,x\n1,2\n", "bad CSV header");
        assertMessage("h.csv", "x,y\n1,\"2\n", "malformed CSV");
    }

    @Test
    void aNonFiniteCellInANumericColumnIsRefusedNamingTheLineAndColumn() throws Exception {
        // One such cell used to turn the column into text, and the feature silently left the model.
        for (String spelling : new String[] {"NaN", "nan", "Infinity", "-Infinity", "+Infinity", "inf", "-INF",
                "infinity", "1e999", "\"NaN\""}) {
            assertMessage("n.csv", "x1,x2,y\n1,2,3\n4," + spelling + ",6\n7,8,9\n",
                    "n.csv line 3: column 'x2' holds " + spelling.replace("\"", "") + "; numbers must be finite");
        }
        assertMessage("n.jsonl", "{\"x\": 1}\n{\"x\": \"Infinity\"}\n",
                "n.jsonl line 2: column 'x' holds Infinity; numbers must be finite");
        assertMessage("o.jsonl", "{\"x\": 1}\n{\"x\": NaN}\n", "o.jsonl line 2: malformed JSON");
    }

    @Test
    void wordsThatLookLikeNonFiniteNumbersStayTextInATextColumn() throws Exception {
        Dataset data = DatasetReader.read(write("t.csv", "name,y\nNan,1\nInfinity Pool,2\nBob,3\n"));
        assertArrayEquals(new String[] {"Nan", "Infinity Pool", "Bob"}, data.strings("name"));
        Dataset spellings = DatasetReader.read(write("u.csv", "code,y\nNaN,1\nabc,2\n"));
        assertArrayEquals(new String[] {"NaN", "abc"}, spellings.strings("code"));
    }

    private void assertMessage(String name, String content, String expected) throws Exception {
        Path file = write(name, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetReader.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
