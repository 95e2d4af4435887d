package io.merx.sdk.kind;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * A kind's version taken from its bundle: {@code major.minor.micro}, the qualifier dropped. Updating the bundle
 * to 1.1.0 thus publishes kind 1.1.0, and the runtime reloads existing models with the new code; a snapshot
 * build ({@code 1.0.0.SNAPSHOT} or a timestamp qualifier) is the same kind version as its release.
 */
public final class KindVersion {

    private KindVersion() {
    }

    /**
     * The version of the bundle a component was activated in.
     *
     * @param context the component's bundle context, as Declarative Services passes it to a constructor
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
}
