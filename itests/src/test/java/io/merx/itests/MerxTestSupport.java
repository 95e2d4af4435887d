package io.merx.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

import io.merx.itests.cluster.JavaCppCache;

/**
 * Starts the real Merx distribution (the karaf-assembly tar.gz), offline: the only Maven repository it may use
 * is the local one, for Pax Exam's own probe bundles.
 */
public abstract class MerxTestSupport {

    /**
     * How long a test waits for a service or a state. Generous on purpose: on a loaded 2-core machine a container
     * start with ND4J took 4 minutes where a quiet one takes 1; a passing test never waits for the limit.
     */
    protected static final long TIMEOUT_MS = TimeUnit.SECONDS.toMillis(180);

    @Inject
    protected BundleContext bundleContext;

    /** Karaf's own boot features; the Merx ones come from {@link #bootFeatures()}. */
    private static final String KARAF_BOOT = "instance, package, log, ssh, framework, system, feature, shell,"
            + " management, service, jaas, deployer, diagnostic, wrap, bundle, config, kar, scr";

    /** Karaf's features this test boots; a test of the shell coming later leaves the shell out. */
    protected String karafBootFeatures() {
        return KARAF_BOOT;
    }

    /**
     * The Merx features this test boots, instead of the distribution's all-in {@code merx}: each capability is
     * tested on its own, and memory or timing checks are not disturbed by other modules' start-up work. Null keeps
     * the distribution's own boot features.
     */
    protected String bootFeatures() {
        return "merx";
    }

    @Configuration
    public Option[] config() {
        String localRepository = System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository");
        List<Option> options = new ArrayList<>(List.of(
            distribution(),
            // Pax Exam's own limits (3 min to start a container, 10 s to inject a service) sit too close to what a
            // loaded machine needs; these are ceilings, not waits.
            systemTimeout(TimeUnit.MINUTES.toMillis(10)),
            systemProperty("pax.exam.service.timeout").value(Long.toString(TIMEOUT_MS)),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.INFO),
            // No remote repository: whatever the container needs must be inside the distribution or declared
            // in itests/pom.xml (so that the build puts it in the local repository).
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                    remoteRepositories()),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepository),
            systemProperty("merx.version").value(System.getProperty("merx.version", "")),
            // Every container unpacks ND4J's natives into one shared folder, not 400 MB into its own data/.
            systemProperty(JavaCppCache.PROPERTY).value(JavaCppCache.folder().toString()),
            systemProperty("merx.example.jar").value(System.getProperty("merx.example.jar", "")),
            systemProperty("merx.plugin.jar").value(System.getProperty("merx.plugin.jar", "")),
            // Free ports, so that several distributions (parallel builds, a developer's own Karaf) never collide.
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                    Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                    Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                    Integer.toString(freePort())),
            vmOption("-Xmx1g")));
        String boot = bootFeatures();
        if (boot != null) {
            options.add(editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot",
                    karafBootFeatures() + ", " + boot));
        }
        return options.toArray(new Option[0]);
    }

    /** Maven repositories the container may resolve from besides the local one (pax-url syntax); none by default. */
    protected String remoteRepositories() {
        return "";
    }

    /** The Karaf under test: the Merx distribution, as built by karaf-assembly. */
    protected Option distribution() {
        return karafDistributionConfiguration()
                .frameworkUrl(maven("io.merx", "merx-karaf-assembly", System.getProperty("merx.version"))
                        .type("tar.gz"))
                .karafVersion(System.getProperty("karaf.version"))
                .name("Merx")
                .unpackDirectory(new File("target/exam"))
                .useDeployFolder(false);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Runs a shell command as a user with the given roles would type it, and returns what it printed. Karaf
     * checks command ACLs (etc/org.apache.karaf.command.acl.*.cfg) against the roles of the current subject.
     */
    protected String executeAs(String command, String... roles) throws Exception {
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.UserPrincipal("itest"));
        for (String role : roles) {
            subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.RolePrincipal(role));
        }
        try {
            return javax.security.auth.Subject.doAs(subject,
                    (java.security.PrivilegedExceptionAction<String>) () -> executeInSession(command));
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        }
    }

    /** Runs a shell command as an administrator. */
    protected String execute(String command) throws Exception {
        return executeAs(command, "admin", "merx-admin");
    }

    private String executeInSession(String command) throws Exception {
        return ShellSessions.execute(awaitService(SessionFactory.class, null), command);
    }

    /** Waits for a service matching the filter (an LDAP filter, or null for any of the class). */
    protected <T> T awaitService(Class<T> type, String filter) throws InvalidSyntaxException, InterruptedException {
        String full = "(objectClass=" + type.getName() + ")";
        if (filter != null) {
            full = "(&" + full + filter + ")";
        }
        Filter osgiFilter = FrameworkUtil.createFilter(full);
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, osgiFilter, null);
        tracker.open(true);
        try {
            T service = tracker.waitForService(TIMEOUT_MS);
            if (service == null) {
                throw new AssertionError("no service " + full + " within " + TIMEOUT_MS + " ms");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    protected Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }
}
