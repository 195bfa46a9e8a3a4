package org.geneassoc.cdk.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.geneassoc.cdk.EMRServerlessStack;
import org.geneassoc.cdk.EMRServerlessStackProps;
import org.geneassoc.cdk.EMRServerlessStackTest;
import org.geneassoc.cdk.JobContract;
import org.geneassoc.cdk.StackSettings;
import org.geneassoc.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * The first run on AWS, rehearsed here: the stack is synthesised, its bucket filled as its deployments would fill
 * it, and the EMR JAR submitted through Spark's own {@code SparkSubmit} to a standalone master and worker with the
 * {@code --class}, {@code --files}, {@code --conf}s, entry point and arguments of the stack's StartJobRunCommand
 * output. S3 is S3Proxy behind a guard that checks every request against the synthesised job role's policy and
 * refuses what it does not allow, so the policy and what the job really asks of S3 cannot drift apart. MongoDB is
 * a wire-protocol server behind TLS with a certificate of a CA the test makes (as DocumentDB's chains to Amazon's);
 * the stack deploys that CA bundle and its MongoDB command passes it, and {@code --mongo-secret-id} as it writes it: the job reads
 * the URI from a Secrets Manager stand-in that answers only for the stack's secret and only as the job role's policy
 * allows, reached through the endpoint setting of the AWS SDK EMR 7.9 ships (2.31.16).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRehearsalIT {
    private static final Path ROOT = Path.of(System.getProperty("geneassoc.root", "..")).toAbsolutePath().normalize();
    private static final Path SERVERS = Path.of(System.getProperty("rehearsal.dir", "target/rehearsal")).toAbsolutePath();
    private static final String BUCKET = "geneassoc-rehearsal";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JobContract CONTRACT = JobContract.load();

    private static Path dir;
    private static Deployed inVpc;
    private static Deployed withoutVpc;
    private static S3ProxyServer s3;
    private static GuardedS3 guard;
    private static MongoServer mongo;
    private static String mongoUri;
    private static SecretsManagerStandIn secrets;
    /** In the URI the secret holds: no log, plan or event log of the run may show it (no word Spark redacts by default). */
    private static final String URI_MARKER = "Xq7pZebraMarker";
    private static SparkCluster cluster;
    private static TestCertificates certificates;

    /** What a deploy of the stack yields that the rehearsal uses: the role's policy and the ready command's job. */
    private record Deployed(TemplateValues values, RolePolicy policy, JsonNode jobDriver, Map<String, String> config) {
    }

    @BeforeAll
    static void deployAndStart() throws Exception {
        dir = ROOT.resolve("cdk-app/target/rehearsal-run");
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        // MongoDB serves TLS with a certificate of a CA the test makes, as DocumentDB's chains to Amazon's: the stack
        // deploys the CA bundle it is given and its commands pass it.
        certificates = TestCertificates.make(Files.createDirectories(dir.resolve("tls")));
        inVpc = synth("vpc-0rehearsal", List.of("subnet-0rehearsal"));
        withoutVpc = synth(null, List.of());
        assertThat(withoutVpc.config).as("the deployed config files do not depend on the network").isEqualTo(inVpc.config);

        s3 = S3ProxyServer.start(SERVERS.resolve("s3proxy-jar-with-dependencies.jar"), Files.createDirectories(dir.resolve("s3")), BUCKET);
        s3.putFolder(EMRServerlessStack.ARTIFACTS, ROOT.resolve("pipeline-job/target/emr"));
        s3.putFolder(EMRServerlessStack.MODELS, ROOT.resolve("model-assets/target/models"));
        for (Map.Entry<String, String> f : inVpc.config.entrySet()) {
            s3.putBytes(EMRServerlessStack.CONFIG + f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        // A user's upload as `aws s3 cp --recursive` leaves it: a file at the top and one in a subfolder.
        Path sample = ROOT.resolve("samples/europepmc-sample.xml");
        s3.put(EMRServerlessStack.INPUT + "europepmc-sample.xml", sample);
        s3.put(EMRServerlessStack.INPUT + "2026/week-48/europepmc-sample.xml", sample);
        guard = new GuardedS3(s3.endpoint(), inVpc.policy);

        mongo = new MongoServer(new MemoryBackend());
        mongo.enableSsl(certificates.serverKey(), null, certificates.serverCertificate(), certificates.caCertificate());
        int mongoPort = Jvm.freePort();
        mongo.bind("127.0.0.1", mongoPort);
        mongoUri = "mongodb://127.0.0.1:" + mongoPort + "/?tls=true&appName=" + URI_MARKER;
        secrets = new SecretsManagerStandIn(argumentAfter(inVpc.jobDriver, "--mongo-secret-id"), mongoUri, inVpc.policy);

        Map<String, String> platform = new LinkedHashMap<>();
        // EMR serves s3:// through EMRFS with the job role's credentials; here S3A serves it through the guard.
        platform.put("spark.hadoop.fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        platform.put("spark.hadoop.fs.AbstractFileSystem.s3.impl", "org.apache.hadoop.fs.s3a.S3A");
        platform.put("spark.hadoop.fs.s3a.endpoint", guard.endpoint().toString());
        platform.put("spark.hadoop.fs.s3a.endpoint.region", TemplateValues.REGION);
        platform.put("spark.hadoop.fs.s3a.path.style.access", "true");
        platform.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
        platform.put("spark.hadoop.fs.s3a.access.key", "rehearsal");
        platform.put("spark.hadoop.fs.s3a.secret.key", "rehearsal");
        platform.put("spark.hadoop.fs.s3a.attempts.maximum", "1");
        platform.put("spark.hadoop.fs.s3a.retry.limit", "1");
        List<Path> jars = new ArrayList<>();
        for (String jar : Files.readString(ROOT.resolve("pipeline-job/target/provided-classpath.txt")).strip().split(java.io.File.pathSeparator)) {
            jars.add(Path.of(jar));
        }
        jars.add(SERVERS.resolve("log4j-slf4j-impl.jar"));
        // The stack asks for 4-core, 12 GB executors; the worker offers that much (Spark counts cores, it does not pin them).
        cluster = SparkCluster.start(Files.createDirectories(dir.resolve("cluster")), jars, platform,
                Arrays.asList(System.getProperty("spark.jvm.opens").split("\\s+")), 4, "14g");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (guard != null) {
            guard.close();
        }
        if (secrets != null) {
            secrets.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    @Order(1)
    void theReadyCommandWritesEveryArticleToMongoDb() throws Exception {
        guard.forget();
        Path events = Files.createDirectories(dir.resolve("events"));
        run("default", inVpc, List.of("--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri()));
        StringBuilder written = new StringBuilder(Files.readString(dir.resolve("submit-default.log"))).append(cluster.executorLogs());
        try (java.util.stream.Stream<Path> files = Files.walk(events)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                written.append(Files.readString(f));
            }
        }
        assertThat(written.toString()).as("driver and executor logs and the event log").contains("SparkListenerSQLExecutionStart")
                .doesNotContain(URI_MARKER);
        assertThat(secrets.calls()).as("the job read the stack's secret from Secrets Manager, as the job role may")
                .isNotEmpty().allSatisfy(c -> assertThat(c.answered()).as(c.toString()).isTrue());
        assertThat(articles()).hasSize(4).anySatisfy(d -> {
            assertThat(d.getString("_id")).isEqualTo("90000001");
            assertThat(d.toJson()).contains("\"symbol\": \"BRCA1\"", "\"taxon\": \"9606\"");
        });
        assertThat(assertEveryRequestAllowed("MongoDB run")).as("the job read the deployed CA bundle, as its role allows")
                .anySatisfy(c -> assertThat(c.target()).endsWith("/" + EMRServerlessStack.CONFIG + EMRServerlessStack.MONGO_CA_BUNDLE));
    }

    @Test
    @Order(2)
    void itRunsWithTheJobsClassesFirstAndAReRunLeavesOneDocumentPerArticle() throws Exception {
        guard.forget();
        run("user-class-path-first", inVpc, List.of("--conf", "spark.driver.userClassPathFirst=true", "--conf",
                "spark.executor.userClassPathFirst=true"));
        assertThat(articles()).hasSize(4).extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder("90000001", "90000002", "90000003", "90000005");
        assertEveryRequestAllowed("userClassPathFirst run");
    }

    @Test
    @Order(3)
    void withSkipExistingJsonLinesRunsAddFoldersUnderOutputAndASecondRunWritesNothing() throws Exception {
        guard.forget();
        run("json-lines-added", withoutVpc, List.of(), List.of("--skip-existing"));
        List<GuardedS3.Call> calls = assertEveryRequestAllowed("first --skip-existing JSON Lines run");
        assertThat(calls.stream().flatMap(c -> c.checks().stream()))
                .filteredOn(r -> r.action().equals("s3:PutObject") || r.action().equals("s3:DeleteObject"))
                .as("every object written and deleted in the run's folder (and the summary and report), none beside output/").isNotEmpty()
                .allSatisfy(r -> assertThat(r.resource()).satisfiesAnyOf(
                        o -> assertThat(o).startsWith("arn:aws:s3:::" + BUCKET + "/" + EMRServerlessStack.OUTPUT + "runs/"),
                        o -> assertThat(o).isIn("arn:aws:s3:::" + BUCKET + "/" + EMRServerlessStack.OUTPUT + "_SUMMARY.json",
                                "arn:aws:s3:::" + BUCKET + "/" + EMRServerlessStack.OUTPUT + "_REPORT.html")));
        List<String> keys = s3.list(EMRServerlessStack.OUTPUT);
        List<String> marks = keys.stream().filter(k -> k.endsWith("/_COMPLETE")).toList();
        assertThat(marks).as("one run folder, marked complete").singleElement().asString().startsWith(EMRServerlessStack.OUTPUT + "runs/");
        String run = marks.get(0).substring(0, marks.get(0).length() - "_COMPLETE".length());
        StringBuilder documents = new StringBuilder();
        for (String key : keys.stream().filter(k -> k.startsWith(run + "part-")).toList()) {
            documents.append(new String(s3.get(key), StandardCharsets.UTF_8));
        }
        assertThat(documents.toString().lines().toList()).hasSize(4);
        assertThat(keys).as("the ledger in the run's folder").anyMatch(k -> k.startsWith(run + "_processed/part-"));
        assertThat(JSON.readTree(s3.get(EMRServerlessStack.OUTPUT + "_SUMMARY.json")).get("documentsWritten").asInt()).isEqualTo(4);

        guard.forget();
        run("json-lines-again", withoutVpc, List.of(), List.of("--skip-existing"));
        assertEveryRequestAllowed("second --skip-existing JSON Lines run");
        JsonNode again = JSON.readTree(s3.get(EMRServerlessStack.OUTPUT + "_SUMMARY.json"));
        assertThat(again.get("documentsWritten").asInt()).isZero();
        assertThat(again.get("skippedExisting").asInt()).as("every article record of both files").isEqualTo(12);
        assertThat(s3.list(EMRServerlessStack.OUTPUT)).as("no second run folder").filteredOn(k -> k.endsWith("/_COMPLETE")).hasSize(1);
    }

    @Test
    @Order(4)
    void withoutAVpcTheReadyCommandWritesJsonLinesToTheBucket() throws Exception {
        guard.forget();
        run("json-lines", withoutVpc, List.of());
        List<String> keys = s3.list(EMRServerlessStack.OUTPUT);
        assertThat(keys).contains(EMRServerlessStack.OUTPUT + "_SUMMARY.json")
                .as("the folder replaced as a whole, the runs added before included").noneMatch(k -> k.startsWith(EMRServerlessStack.OUTPUT + "runs/"))
                .as("the ledger of processed articles").anyMatch(k -> k.startsWith(EMRServerlessStack.OUTPUT + "_processed/part-"));
        StringBuilder documents = new StringBuilder();
        for (String key : keys.stream().filter(k -> k.startsWith(EMRServerlessStack.OUTPUT + "part-")).toList()) {
            documents.append(new String(s3.get(key), StandardCharsets.UTF_8));
        }
        assertThat(documents.toString().lines().toList()).hasSize(4)
                .anySatisfy(d -> assertThat(d).contains("\"_id\":\"90000001\"", "\"symbol\":\"BRCA1\""));
        JsonNode summary = JSON.readTree(s3.get(EMRServerlessStack.OUTPUT + "_SUMMARY.json"));
        assertThat(summary.get("filesRead").asInt()).as("both files, the one in a subfolder too").isEqualTo(2);
        assertThat(new String(s3.get(EMRServerlessStack.OUTPUT + "_REPORT.html"), StandardCharsets.UTF_8))
                .as("the ready command's report, beside the summary").contains("\"documents\":4,", "BRCA1");
        List<GuardedS3.Call> calls = assertEveryRequestAllowed("JSON Lines run");
        assertThat(calls).extracting(GuardedS3.Call::method, c -> c.checks().get(0).action())
                .as("it read its folders' bare keys, listed, read objects and wrote under output/")
                .contains(org.assertj.core.groups.Tuple.tuple("PUT", "s3:PutObject"));
        assertThat(calls).anySatisfy(c -> assertThat(c.target()).isEqualTo("/" + BUCKET + "/input"));
    }

    @Test
    @Order(5)
    void theGuardRefusesWhatTheRoleDoesNotAllow() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI models = guard.endpoint().resolve("/" + BUCKET + "/" + EMRServerlessStack.MODELS + "gda-classifier/model.json");
        assertThat(client.send(HttpRequest.newBuilder(models).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        assertThat(client.send(HttpRequest.newBuilder(models).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("the job may not overwrite its models").isEqualTo(403);
        assertThat(client.send(HttpRequest.newBuilder(guard.endpoint().resolve("/" + BUCKET + "?list-type=2&prefix=")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("nor list the whole bucket").isEqualTo(403);
    }

    private static List<GuardedS3.Call> assertEveryRequestAllowed(String run) {
        List<GuardedS3.Call> calls = guard.calls();
        assertThat(calls).as(run + ": S3 requests").isNotEmpty()
                .allSatisfy(c -> assertThat(c.allowed()).as("the job role allows " + c).isTrue());
        Map<String, Long> byAction = new java.util.TreeMap<>();
        calls.forEach(c -> c.checks().forEach(r -> byAction.merge(c.method() + " " + r.action(), 1L, Long::sum)));
        System.out.println(run + ": " + calls.size() + " S3 requests, all allowed by the job role: " + byAction);
        return calls;
    }

    private static List<Document> articles() throws Exception {
        javax.net.ssl.SSLContext trusting = certificates.clientContext();
        try (MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(mongoUri))
                .applyToSslSettings(ssl -> ssl.enabled(true).context(trusting)).build())) {
            MongoCollection<Document> c = client.getDatabase("geneassoc").getCollection("pubmedArticles");
            return c.find().into(new ArrayList<>());
        }
    }

    /** The stack's job driver through SparkSubmit: its submit parameters, then {@code extraConf}, the entry point, its arguments. */
    private static void run(String name, Deployed deployed, List<String> extraConf) throws Exception {
        run(name, deployed, extraConf, List.of());
    }

    /** As above, with {@code extraArgs} after the stack's job arguments. */
    private static void run(String name, Deployed deployed, List<String> extraConf, List<String> extraArgs) throws Exception {
        JsonNode submit = deployed.jobDriver.get("sparkSubmit");
        List<String> args = new ArrayList<>(Arrays.asList(submit.get("sparkSubmitParameters").asText().split("\\s+")));
        String driverMemory = valueOf(args, "spark.driver.memory");
        args.addAll(extraConf);
        args.add(submit.get("entryPoint").asText());
        List<String> jobArgs = new ArrayList<>();
        submit.get("entryPointArguments").forEach(a -> jobArgs.add(a.asText()));
        // The driver's SDK finds Secrets Manager where EMR's would find the regional endpoint; any key signs the request.
        Map<String, String> env = jobArgs.contains("--mongo-secret-id") ? Map.of("AWS_ENDPOINT_URL_SECRETS_MANAGER",
                secrets.endpoint().toString(), "AWS_ACCESS_KEY_ID", "rehearsal", "AWS_SECRET_ACCESS_KEY", "rehearsal") : Map.of();
        args.addAll(jobArgs);
        args.addAll(extraArgs);
        Path log = dir.resolve("submit-" + name + ".log");
        try (Jvm job = cluster.submit(args, driverMemory, env, log)) {
            int exit = job.waitFor(RUN_LIMIT);
            assertThat(exit).as("spark-submit %s exit code (-1: still running after %s)\n%s\n%s", args, RUN_LIMIT, job.tail(),
                    cluster.executorLogs()).isZero();
        }
    }

    /** The job argument after {@code flag} in the stack's job driver. */
    private static String argumentAfter(JsonNode jobDriver, String flag) {
        List<String> args = new ArrayList<>();
        jobDriver.get("sparkSubmit").get("entryPointArguments").forEach(a -> args.add(a.asText()));
        int i = args.indexOf(flag);
        if (i < 0 || i + 1 >= args.size()) {
            throw new IllegalStateException("The stack's job driver passes no " + flag + ": " + args);
        }
        return args.get(i + 1);
    }

    private static String valueOf(List<String> args, String conf) {
        return args.stream().filter(a -> a.startsWith(conf + "=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("The stack's command sets no " + conf)).substring(conf.length() + 1);
    }

    private static Deployed synth(String vpcId, List<String> subnets) throws Exception {
        App app = EMRServerlessStackTest.app();
        StackSettings settings = new StackSettings(ROOT.resolve("pipeline-job/target/emr"), ROOT.resolve("model-assets/target/models"),
                ROOT.resolve("config"), CONTRACT.releaseLabel(), "X86_64", "64 vCPU", "256 GB", "1000 GB", 15, vpcId, subnets, null,
                certificates.caPem());
        EMRServerlessStack stack = new EMRServerlessStack(app, "EMRServerlessStack", EMRServerlessStackProps.builder().settings(settings).build());
        Path out = Path.of(app.synth().getDirectory());
        @SuppressWarnings("unchecked")
        Map<String, Object> template = Template.fromStack(stack).toJSON();
        TemplateValues values = new TemplateValues(template, BUCKET);
        String role = values.logicalId("AWS::IAM::Role", "emr-serverless.amazonaws.com");
        RolePolicy policy = RolePolicy.of(values, role);
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs = (Map<String, Object>) template.get("Outputs");
        String command = values.resolveText(TemplateValues.map(outputs.get("StartJobRunCommand")).get("Value"));
        String driver = command.substring(command.indexOf("--job-driver '") + "--job-driver '".length());
        JsonNode jobDriver = JSON.readTree(driver.substring(0, driver.indexOf('\'')));
        return new Deployed(values, policy, jobDriver, deployedConfig(values, out));
    }

    /**
     * The files the stack's config deployment puts under {@code config/}: its staged source folders with the
     * deployment's markers (deploy-time values such as the bucket name) replaced, as the deployment Lambda does.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> deployedConfig(TemplateValues values, Path cloudAssembly) throws IOException {
        String id = values.logicalId("Custom::CDKBucketDeployment", EMRServerlessStack.CONFIG);
        Map<String, String> markers = new LinkedHashMap<>();
        Object sourceMarkers = values.properties(id).get("SourceMarkers");
        if (sourceMarkers != null) {
            for (Object m : (List<Object>) values.resolve(sourceMarkers)) {
                TemplateValues.map(m).forEach((k, v) -> markers.put(k, String.valueOf(v)));
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<String> names = List.of("geneassoc.json", CONTRACT.modelsConfig(), EMRServerlessStack.MONGO_CA_BUNDLE);
        try (Stream<Path> staged = Files.walk(cloudAssembly)) {
            for (Path f : staged.filter(p -> Files.isRegularFile(p) && names.contains(p.getFileName().toString())
                    && p.getParent().getFileName().toString().startsWith("asset.")).sorted().toList()) {
                String content = Files.readString(f, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> m : markers.entrySet()) {
                    content = content.replace(m.getKey(), m.getValue());
                }
                files.put(f.getFileName().toString(), content);
            }
        }
        assertThat(files).as("staged config files in " + cloudAssembly).containsOnlyKeys(names);
        return files;
    }
}
