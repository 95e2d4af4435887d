package io.merx.itests.cluster;

import java.nio.file.Path;

/**
 * One folder for the ND4J natives JavaCPP unpacks (about 400 MB), shared by every Karaf the itests start: the
 * distribution would put them under each node's {@code data/javacpp}. JavaCPP locks the folder while it unpacks, so
 * nodes that start together take turns, and later ones find the files in place.
 */
public final class JavaCppCache {

    /** The system property the compute bundle leaves alone when it is set. */
    public static final String PROPERTY = "org.bytedeco.javacpp.cachedir";

    private JavaCppCache() {
    }

    /** The shared folder, in the itests module's build folder. */
    public static Path folder() {
        return Path.of("target", "javacpp").toAbsolutePath();
    }

    /** The JVM option that points a Karaf at it. */
    public static String option() {
        return "-D" + PROPERTY + "=" + folder();
    }
}
