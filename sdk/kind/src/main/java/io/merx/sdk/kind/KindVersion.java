package io.merx.sdk.kind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * A kind's version taken from its bundle: {@code major.minor.micro}, the qualifier dropped. Updating the bundle
 * to 1.1.0 thus publishes kind 1.1.0, and the runtime reloads existing models with the new code; a snapshot
 * build ({@code 1.0.0.SNAPSHOT} or a timestamp qualifier) is the same kind version as its release.
 * {@link BaseKind} asks {@link #of(Class)} for the version of the concrete kind, so a kind rarely calls this
 * class itself.
 */
public final class KindVersion {

    /** The version of a class that comes from no bundle and no manifest. */
    public static final String UNKNOWN = "0.0.0";

    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private KindVersion() {
    }

    /**
     * The version of the bundle a class comes from.
     *
     * <p>Inside OSGi that is the version of the bundle that loaded the class. Outside OSGi (unit tests,
     * benchmarks) it is the {@code Bundle-Version} of the manifest beside the class: the manifest of the jar it
     * was loaded from, or {@code META-INF/MANIFEST.MF} in its classes directory, which bnd-maven-plugin writes
     * there before the tests run. A class with neither (one compiled with the tests, say) is no release of
     * anything and gets {@value #UNKNOWN}.
     *
     * @param type a class of the bundle, usually the kind's own ({@code getClass()})
     * @return {@code major.minor.micro}, or {@value #UNKNOWN}
     */
    public static String of(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        if (bundle != null) {
            return of(bundle);
        }
        return codeSource(type).flatMap(KindVersion::ofManifestAt).orElse(UNKNOWN);
    }

    /**
     * The version of the bundle a component was activated in.
     *
     * @param context the component's bundle context
     * @return {@code major.minor.micro}
     */
    public static String of(BundleContext context) {
        return of(context.getBundle());
    }

    /**
     * The version of a bundle.
     *
     * @param bundle the kind's bundle
     * @return {@code major.minor.micro}
     */
    public static String of(Bundle bundle) {
        return of(bundle.getVersion());
    }

    /**
     * An OSGi version without its qualifier.
     *
     * @param version any OSGi version
     * @return {@code major.minor.micro}
     */
    public static String of(Version version) {
        return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }

    /**
     * The {@code Bundle-Version} of the manifest in a jar or in a classes directory.
     *
     * @param location a jar file or a directory of classes
     * @return {@code major.minor.micro}; empty when there is no manifest or it names no version
     */
    static Optional<String> ofManifestAt(Path location) {
        try {
            Manifest manifest = null;
            if (Files.isDirectory(location)) {
                Path file = location.resolve(MANIFEST);
                if (Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        manifest = new Manifest(in);
                    }
                }
            } else if (Files.isRegularFile(location)) {
                try (JarFile jar = new JarFile(location.toFile())) {
                    manifest = jar.getManifest();
                }
            }
            String version = manifest == null ? null
                    : manifest.getMainAttributes().getValue(new Attributes.Name(Constants.BUNDLE_VERSION));
            return Optional.ofNullable(version).map(v -> of(Version.parseVersion(v.trim())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest beside the kind's classes", e);
        }
    }

    /** Where the class was loaded from, when that is a local file or directory. */
    private static Optional<Path> codeSource(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(location.toURI()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
