package io.merx.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The platform-team path: a stock Apache Karaf (the unmodified {@code apache-karaf} tar.gz from Maven Central, not
 * the Merx distribution) adds the Merx features repository, installs one module with the shell commands the README
 * gives, and trains and scores with it. Only the shell is used, as an operator would.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockKarafIT extends MerxTestSupport {

    private static final String DEMO = "recommendation-als-demo";
    private static final String REQUEST = "'{\"user\": \"C000017\", \"k\": 3}'";
    private static final Pattern VERSION = Pattern.compile("\"version\":\"(\\d+)\"");
    private static final Pattern ITEM = Pattern.compile("\\{\"item\":\"([^\"]+)\",\"score\":");

    @Override
    protected Option distribution() {
        return karafDistributionConfiguration()
                .frameworkUrl(maven("org.apache.karaf", "apache-karaf", System.getProperty("karaf.version"))
                        .type("tar.gz"))
                .karafVersion(System.getProperty("karaf.version"))
                .name("Apache Karaf")
                .unpackDirectory(new File("target/exam-stock"))
                .useDeployFolder(false);
    }

    /** Karaf's scr bundles and Merx's libraries, gathered by the build from the features (see itests/pom.xml). */
    @Override
    protected String remoteRepositories() {
        return new File("target/stock-karaf-repository").getAbsoluteFile().toURI() + "@id=stock-karaf-repository";
    }

    /** Stock Karaf boots what it boots out of the box; Merx comes only through the commands below. */
    @Override
    protected String bootFeatures() {
        return null;
    }

    @Test
    public void featuresRepositoryInstallsOneModuleThatTrainsAndScores() throws Exception {
        String version = System.getProperty("merx.version");
        String repo = execute("feature:repo-add mvn:io.merx/merx-features/" + version + "/xml/features");
        String install = execute("feature:install merx-recommendation");
        String features = execute("feature:list -i");
        assertTrue(repo + install + features, features.contains("merx-recommendation"));
        assertTrue(features, !features.contains("merx-rest") && !features.contains("merx-nlp"));

        // On first start the module trains its demo model from data it generates, and activates it.
        String first = awaitScore();
        assertEquals(first, 3, items(first));
        assertTrue(first, first.contains("\"route\":\"live\"") && first.contains("\"source\":\"als\""));
        int firstVersion = version(first);

        Path demoData = Path.of(System.getProperty("karaf.data"), "merx", "models", ".demo", DEMO + ".csv");
        assertTrue("demo data written by the module: " + demoData, Files.isRegularFile(demoData));
        // The shell reads data sets only from the data set directory, where the README tells users to put them.
        Path datasets = Path.of(System.getProperty("karaf.data"), "merx", "datasets");
        Files.createDirectories(datasets);
        Files.copy(demoData, datasets.resolve(DEMO + ".csv"));
        String train = execute("model:train --wait --activate -p rank=8 " + DEMO + " recommendation.als " + DEMO
                + ".csv");
        // A failed job makes the command throw; a finished one has drawn its progress bar to the end.
        assertTrue(train, train.contains("100%"));

        String second = execute("model:score " + DEMO + " " + REQUEST);
        assertEquals(train + second, firstVersion + 1, version(second));
        assertEquals(second, 3, items(second));
        String list = execute("model:list");
        assertTrue(list, list.contains(DEMO));
    }

    /** Scores the demo model until it is live (its first training runs in the background after install). */
    private String awaitScore() throws Exception {
        long deadline = System.currentTimeMillis() + 3 * TIMEOUT_MS;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            try {
                last = execute("model:score " + DEMO + " " + REQUEST);
                if (last.contains("\"outputs\"")) {
                    return last;
                }
            } catch (Exception notYet) {
                last = String.valueOf(notYet.getMessage());
            }
            Thread.sleep(1000);
        }
        fail("demo model never answered; last answer: " + last + "; jobs: " + execute("model:jobs"));
        return last;
    }

    private static int version(String scored) {
        Matcher matcher = VERSION.matcher(scored);
        assertTrue(scored, matcher.find());
        return Integer.parseInt(matcher.group(1));
    }

    private static int items(String scored) {
        Matcher matcher = ITEM.matcher(scored);
        int count = 0;
        while (matcher.find()) {
            assertTrue(scored, matcher.group(1).startsWith("P"));
            count++;
        }
        return count;
    }
}
