package org.geneassoc.cdk.rehearsal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 built the way a Spark distribution is laid out: {@code SPARK_HOME/jars}
 * holds the platform's jars (what EMR provides: Spark, Hadoop, the AWS SDK bundle), {@code conf/spark-defaults.conf}
 * what the platform configures (here: {@code s3://} served by S3A against a local endpoint, as EMRFS serves it on
 * EMR). One master and one worker, each its own JVM, and jobs submitted through Spark's own {@code SparkSubmit}.
 */
final class SparkCluster implements AutoCloseable {
    private final Path home;
    private final String platformClasspath;
    private final List<String> jvmOptions;
    private final String masterUrl;
    private final Map<String, String> env;
    private final List<Jvm> daemons = new ArrayList<>();

    private SparkCluster(Path home, String platformClasspath, List<String> jvmOptions, String masterUrl) {
        this.home = home;
        this.platformClasspath = platformClasspath;
        this.jvmOptions = jvmOptions;
        this.masterUrl = masterUrl;
        this.env = Map.of("SPARK_HOME", home.toString(), "SPARK_CONF_DIR", home.resolve("conf").toString(), "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_SCALA_VERSION", "2.12");
    }

    /**
     * @param platformJars what the platform puts on every classpath, in order
     * @param defaults     spark-defaults.conf entries
     * @param cores        cores the worker offers (more than the machine has is fine: Spark only counts them)
     */
    static SparkCluster start(Path dir, List<Path> platformJars, Map<String, String> defaults, List<String> jvmOptions, int cores,
                              String memory) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("spark"));
        Files.writeString(home.resolve("RELEASE"), "Spark rehearsal distribution for GeneAssoc\n");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (Path jar : platformJars) {
            Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
        }
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("spark-defaults.conf"), defaults.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        String classpath = Stream.concat(Stream.of(conf), platformJars.stream()).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        int port = Jvm.freePort();
        SparkCluster cluster = new SparkCluster(home, classpath, jvmOptions, "spark://127.0.0.1:" + port);
        try {
            cluster.daemons.add(cluster.daemon("org.apache.spark.deploy.master.Master", List.of("--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--webui-port", Integer.toString(Jvm.freePort())), dir.resolve("master.log"))
                    .awaitLog("I have been elected leader", Duration.ofSeconds(90)));
            cluster.daemons.add(cluster.daemon("org.apache.spark.deploy.worker.Worker", List.of("--host", "127.0.0.1", "--cores",
                    Integer.toString(cores), "--memory", memory, "--webui-port", Integer.toString(Jvm.freePort()), "--work-dir",
                    Files.createDirectories(dir.resolve("work")).toString(), cluster.masterUrl), dir.resolve("worker.log"))
                    .awaitLog("Successfully registered with master", Duration.ofSeconds(90)));
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private Jvm daemon(String mainClass, List<String> args, Path log) throws IOException {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Xmx512m");
        return Jvm.start(options, platformClasspath, mainClass, args, env, log);
    }

    String masterUrl() {
        return masterUrl;
    }

    /**
     * {@code spark-submit} in client mode: the driver in the submitting JVM with {@code spark.driver.memory} as its heap,
     * as Spark's launcher sets it, the rest of {@code args} as the platform's command line has them.
     */
    Jvm submit(List<String> args, String driverMemory, Map<String, String> extraEnv, Path log) throws IOException {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Xmx" + driverMemory);
        List<String> submit = new ArrayList<>(List.of("--master", masterUrl));
        submit.addAll(args);
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.putAll(extraEnv);
        return Jvm.start(options, platformClasspath, "org.apache.spark.deploy.SparkSubmit", submit, environment, log);
    }

    /** The executors' own logs (stderr) of every application so far, for a failure message. */
    String executorLogs() throws IOException {
        Path work = home.getParent().resolve("work");
        if (!Files.isDirectory(work)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("stderr")).sorted().limit(4).toList()) {
                String s = Files.readString(f);
                sb.append("== ").append(f).append('\n').append(s.length() > 4000 ? s.substring(s.length() - 4000) : s).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (Jvm d : daemons) {
            d.close();
        }
    }
}
