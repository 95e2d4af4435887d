package io.merx.events.kafka.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real Apache Kafka 4 broker in KRaft mode (one node, broker and controller), started in its own JVM from the
 * Maven Central artifacts on the test class path, listening on 127.0.0.1 on free ports: the same commands as
 * {@code kafka-storage.sh format} and {@code kafka-server-start.sh}.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    private KafkaBroker(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Stops the broker (SIGTERM, a clean shutdown) and starts it again on the same ports and data. */
    public void restart(Runnable whileDown) throws IOException, InterruptedException {
        close();
        whileDown.run();
        process = run(dir, "broker", List.of("kafka.Kafka", dir.resolve("server.properties").toString()));
        awaitReady();
    }

    public static KafkaBroker start(Path dir) throws IOException, InterruptedException {
        int port = freePort();
        int controllerPort = freePort();
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        run(dir, "format", List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString())).waitFor(60, TimeUnit.SECONDS);
        Process broker = run(dir, "broker", List.of("kafka.Kafka", config.toString()));
        KafkaBroker started = new KafkaBroker(dir, port, broker);
        started.awaitReady();
        return started;
    }

    private static Process run(Path dir, String name, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        command.add(Main.class.getName());
        command.addAll(mainAndArgs);
        File log = dir.resolve(name + ".log").toFile();
        // stdin stays a pipe from this JVM: Main exits when it closes, so the broker never outlives the tests
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /**
     * The broker JVM's entry point: runs the Kafka main class named first, and exits when its standard input ends,
     * that is when the JVM that started it is gone, even killed (surefire kills forks that do not exit in time, and
     * shutdown hooks do not run then).
     */
    public static final class Main {

        private Main() {
        }

        public static void main(String[] args) throws Exception {
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // nothing is sent; only the end matters
                    }
                } catch (IOException e) {
                    // the pipe broke: the parent is gone as well
                }
                System.exit(0);
            }, "parent-watcher");
            watcher.setDaemon(true);
            watcher.start();
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited: " + tail());
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka broker did not answer in 60 s: " + tail());
                }
                Thread.sleep(200);
            }
        }
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    public void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** Sends {@code values} to {@code topic}, keyed by {@code keys} (the partition follows the key), and waits. */
    public void send(String topic, List<String> keys, List<String> values)
            throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i))).get();
            }
        }
    }

    private String tail() {
        try {
            String log = Files.readString(dir.resolve("broker.log"));
            return log.substring(Math.max(0, log.length() - 3000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
