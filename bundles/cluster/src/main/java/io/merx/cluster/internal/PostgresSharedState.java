package io.merx.cluster.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.runtime.cluster.DesiredModel;
import io.merx.runtime.cluster.JobLease;
import io.merx.runtime.cluster.NodeReport;
import io.merx.runtime.cluster.SharedJob;
import io.merx.runtime.cluster.SharedState;
import io.merx.runtime.cluster.SharedStateUnavailableException;

/**
 * The runtime's {@link SharedState} on PostgreSQL, registered only when configuration {@code io.merx.cluster}
 * exists (so a node without it stays a single node). It migrates the schema when it starts; when the database is
 * down then, it registers all the same, every call fails with a {@link SharedStateUnavailableException} naming the
 * database, and the schema is migrated on the first call that reaches it.
 *
 * <pre>
 * config:edit io.merx.cluster
 * config:property-set jdbcUrl jdbc:postgresql://db.internal:5432/merx
 * config:property-set user merx
 * config:property-set password ...
 * config:update
 * </pre>
 */
// Immediate: the schema is migrated (or the database found missing, and logged) when the configuration arrives, not
// when the runtime first asks.
@Component(service = SharedState.class, configurationPid = "io.merx.cluster",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = ClusterConfig.class)
public final class PostgresSharedState implements SharedState, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSharedState.class);

    private final String nodeName;
    private final String nodeAddress;
    private final int chunkSize;
    private final Database database;
    private final Set<ChangeFeed> feeds = ConcurrentHashMap.newKeySet();

    /**
     * Connects and migrates the schema, or registers without it when the database cannot be reached yet.
     *
     * @param config the configuration of PID {@code io.merx.cluster}
     */
    @Activate
    public PostgresSharedState(ClusterConfig config) {
        chunkSize = config.chunkSizeBytes();
        if (chunkSize < 64 * 1024 || chunkSize > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("chunkSizeBytes must be between 65536 and 67108864, got " + chunkSize);
        }
        if (config.connectTimeoutSeconds() < 1 || config.socketTimeoutSeconds() < 1 || config.poolSize() < 1) {
            throw new IllegalArgumentException(
                    "connectTimeoutSeconds, socketTimeoutSeconds and poolSize must be at least 1");
        }
        nodeName = config.nodeName() == null || config.nodeName().isBlank() ? hostName() : config.nodeName().trim();
        nodeAddress = config.address() == null ? "" : config.address().trim();
        database = new Database(config.jdbcUrl(), config.user(), config.password(), "merx-cluster " + nodeName,
                config.connectTimeoutSeconds(), config.socketTimeoutSeconds(), config.poolSize());
        try {
            database.migrate();
            LOG.info("Node '{}' shares its state in {}", nodeName, database.description());
        } catch (SharedStateUnavailableException e) {
            LOG.warn("{}; node '{}' starts without it and migrates the schema when it answers", e.getMessage(),
                    nodeName);
        }
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public String nodeAddress() {
        return nodeAddress;
    }

    @Override
    public String describe() {
        return database.description();
    }

    @Override
    public List<DesiredModel> models() {
        return database.transaction("read the models", ModelRecords::all);
    }

    @Override
    public Optional<DesiredModel> model(String model) {
        return database.transaction("read model '" + model + "'", c -> ModelRecords.find(c, model));
    }

    @Override
    public DesiredModel write(DesiredModel next) {
        Objects.requireNonNull(next, "next");
        return database.transaction("store model '" + next.name() + "'", c -> ModelRecords.write(c, next));
    }

    @Override
    public void remove(String model, long revision) {
        database.transaction("remove model '" + model + "'", c -> {
            ModelRecords.remove(c, model, revision);
            PublishedVersions.delete(c, model, null);
            return null;
        });
    }

    @Override
    public void publishVersion(String model, String version, Path directory) throws IOException {
        Map<String, Blobs.Digest> files = PublishedVersions.localFiles(directory);
        database.streaming("publish version " + version + " of model '" + model + "'", c -> {
            PublishedVersions.publish(c, model, version, directory, files, chunkSize);
            return null;
        });
    }

    @Override
    public void fetchVersion(String model, String version, Path directory) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        Files.createDirectories(target);
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw new IOException("cannot fetch version " + version + " of model '" + model
                        + "' into a directory that is not empty");
            }
        }
        database.streaming("fetch version " + version + " of model '" + model + "'", c -> {
            c.setReadOnly(true);
            PublishedVersions.fetch(c, model, version, target);
            return null;
        });
    }

    @Override
    public boolean hasVersion(String model, String version) {
        return database.transaction("look up version " + version + " of model '" + model + "'",
                c -> PublishedVersions.exists(c, model, version));
    }

    @Override
    public void deleteVersion(String model, String version) {
        database.transaction("delete version " + version + " of model '" + model + "'", c -> {
            PublishedVersions.delete(c, model, Objects.requireNonNull(version, "version"));
            return null;
        });
    }

    /** {@inheritDoc} The calls come from one daemon thread per watch, in the order PostgreSQL sent them. */
    @Override
    public AutoCloseable watch(Consumer<String> changed) {
        ChangeFeed feed = new ChangeFeed(database, Objects.requireNonNull(changed, "changed"), nodeName);
        feeds.add(feed);
        return () -> {
            feeds.remove(feed);
            feed.close();
        };
    }

    @Override
    public void report(NodeReport report) {
        database.transaction("record the heartbeat of node '" + report.node() + "'", c -> {
            NodeReports.report(c, report);
            return null;
        });
    }

    @Override
    public List<NodeReport> nodes(Duration maxAge) {
        return database.transaction("read the nodes", c -> NodeReports.recent(c, maxAge));
    }

    @Override
    public Optional<JobLease> acquireLease(String model, Duration ttl) {
        return database.transaction("take the training lease of model '" + model + "'",
                c -> TrainingLeases.acquire(c, model, nodeName, ttl));
    }

    @Override
    public Optional<JobLease> renewLease(JobLease lease, Duration ttl) {
        return database.transaction("renew the training lease of model '" + lease.model() + "'",
                c -> TrainingLeases.renew(c, lease, ttl));
    }

    @Override
    public void releaseLease(JobLease lease) {
        database.transaction("release the training lease of model '" + lease.model() + "'", c -> {
            TrainingLeases.release(c, lease);
            return null;
        });
    }

    @Override
    public void recordJob(SharedJob job) {
        database.transaction("record training job " + job.id(), c -> {
            SharedJobs.record(c, job);
            return null;
        });
    }

    @Override
    public List<SharedJob> jobs() {
        return database.transaction("read the training jobs", SharedJobs::all);
    }

    /** Stops the watches the runtime still holds and closes the pool. */
    @Deactivate
    @Override
    public void close() {
        feeds.forEach(ChangeFeed::close);
        feeds.clear();
        database.close();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment;
        }
    }
}
