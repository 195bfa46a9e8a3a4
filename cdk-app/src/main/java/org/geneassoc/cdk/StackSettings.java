package org.geneassoc.cdk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.constructs.Node;

/**
 * What the stack is built from, read from CDK context ({@code -c key=value}) with defaults that fit a
 * build of this repository. Paths are relative to the repository root, where {@code cdk.json} is.
 *
 * @param vpcId      with {@code subnetIds}: run jobs in these (private, NAT-routed) subnets, e.g. to reach a
 *                   MongoDB outside AWS; without them jobs reach only AWS services
 * @param watch      a scheduled fetch-and-run, or null (the default: no schedule)
 * @param mongoCaBundle a PEM bundle of the CAs the MongoDB's TLS certificate chains to (DocumentDB's
 *                   global-bundle.pem, a company CA), deployed under config/ and passed to MongoDB runs; or null
 */
public record StackSettings(Path jarDir, Path modelsDir, Path configDir, String releaseLabel, String architecture,
                            String maxCpu, String maxMemory, String maxDisk, int idleMinutes, String vpcId,
                            List<String> subnetIds, Watch watch, Path mongoCaBundle) {

    /** Settings for a MongoDB the JVM's default trust reaches (no CA bundle). */
    public StackSettings(Path jarDir, Path modelsDir, Path configDir, String releaseLabel, String architecture, String maxCpu,
                         String maxMemory, String maxDisk, int idleMinutes, String vpcId, List<String> subnetIds, Watch watch) {
        this(jarDir, modelsDir, configDir, releaseLabel, architecture, maxCpu, maxMemory, maxDisk, idleMinutes, vpcId, subnetIds, watch, null);
    }

    /**
     * The literature watch: on {@code expression} (EventBridge Scheduler: {@code cron(...)}, {@code rate(...)}), a
     * job run fetches the Europe PMC records of {@code query} first published in the last {@code sinceDays} days
     * and scores those the collection does not hold from the same model version.
     *
     * @param state ENABLED, or DISABLED to pause it without removing it
     */
    public record Watch(String expression, String query, int sinceDays, String state) {
    }

    public static StackSettings fromContext(Node node, Path root, JobContract contract) {
        String subnets = text(node, "subnetIds", "");
        StackSettings s = new StackSettings(
                root.resolve(text(node, "jarDir", "pipeline-job/target/emr")),
                root.resolve(text(node, "modelsDir", "model-assets/target/models")),
                root.resolve(text(node, "configDir", "config")),
                text(node, "releaseLabel", contract.releaseLabel()),
                text(node, "architecture", "X86_64"),
                text(node, "maxCpu", "64 vCPU"),
                text(node, "maxMemory", "256 GB"),
                text(node, "maxDisk", "1000 GB"),
                Integer.parseInt(text(node, "idleMinutes", "15")),
                blankToNull(text(node, "vpcId", "")),
                subnets.isBlank() ? List.of() : List.of(subnets.split("\\s*,\\s*")),
                text(node, "schedule", "").isBlank() && text(node, "query", "").isBlank() ? null
                        : new Watch(text(node, "schedule", ""), text(node, "query", ""),
                        Integer.parseInt(text(node, "fetchSinceDays", "8")), text(node, "scheduleState", "ENABLED")),
                text(node, "mongoCaBundle", "").isBlank() ? null : root.resolve(text(node, "mongoCaBundle", "")));
        s.validate(contract);
        return s;
    }

    private static String text(Node node, String key, String fallback) {
        Object v = node.tryGetContext(key);
        return v == null ? fallback : v.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The CA bundle's text (PEM is ASCII; any byte reads, so a binary file is named below, not refused by a decoder). */
    public String mongoCaBundlePem() {
        String pem;
        try {
            pem = Files.readString(mongoCaBundle, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("mongoCaBundle " + mongoCaBundle + " cannot be read: " + e.getMessage(), e);
        }
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("mongoCaBundle " + mongoCaBundle + " holds no PEM certificate (no '-----BEGIN "
                    + "CERTIFICATE-----' line); DocumentDB's is global-bundle.pem from https://truststore.pki.rds.amazonaws.com/");
        }
        return pem;
    }

    /** Fails synthesis with the bad setting named, before CloudFormation sees anything. */
    void validate(JobContract contract) {
        for (Path p : List.of(jarDir, modelsDir, configDir)) {
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException("Asset folder " + p + " does not exist; run 'mvn -B install' first");
            }
        }
        if (!Files.isRegularFile(modelsDir.resolve(contract.modelsManifest()))) {
            throw new IllegalArgumentException(modelsDir + " holds no " + contract.modelsManifest() + "; run 'mvn -B install' first");
        }
        if (!releaseLabel.matches("emr-7\\.\\d+\\.\\d+")) {
            throw new IllegalArgumentException("releaseLabel " + releaseLabel + " must be an EMR 7.x label (Java 17), e.g. emr-7.9.0");
        }
        if (!List.of("X86_64", "ARM64").contains(architecture)) {
            throw new IllegalArgumentException("architecture " + architecture + " must be X86_64 or ARM64");
        }
        if ((vpcId == null) != subnetIds.isEmpty()) {
            throw new IllegalArgumentException("vpcId and subnetIds go together: give both or neither");
        }
        if (mongoCaBundle != null) {
            mongoCaBundlePem();
        }
        if (watch != null) {
            if (!watch.expression().matches("(cron|rate)\\(.+\\)") || watch.query().isBlank()) {
                throw new IllegalArgumentException("schedule and query go together: -c schedule='cron(0 6 ? * MON *)' -c query='...' "
                        + "(got schedule '" + watch.expression() + "', query '" + watch.query() + "')");
            }
            if (vpcId == null) {
                throw new IllegalArgumentException("A schedule fetches from Europe PMC, which jobs reach only through a NAT: "
                        + "add -c vpcId=... -c subnetIds=... (private subnets routed through a NAT gateway)");
            }
            if (watch.sinceDays() < 1 || watch.sinceDays() > 3650) {
                throw new IllegalArgumentException("fetchSinceDays " + watch.sinceDays() + " must be 1 to 3650");
            }
            if (!List.of("ENABLED", "DISABLED").contains(watch.state())) {
                throw new IllegalArgumentException("scheduleState " + watch.state() + " must be ENABLED or DISABLED");
            }
        }
    }
}
