package org.geneassoc.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

public class EMRServerlessStackTest {
    @TempDir
    static Path root;
    private static final JobContract CONTRACT = JobContract.load();
    private static EMRServerlessStack stack;
    private static Template template;

    private static EMRServerlessStack stack(App app, String id, StackSettings settings) {
        return new EMRServerlessStack(app, id, EMRServerlessStackProps.builder().settings(settings).build());
    }

    @BeforeAll
    static void synth() throws Exception {
        Files.createDirectories(root.resolve("jar"));
        Files.writeString(root.resolve("jar/" + CONTRACT.jarName()), "jar");
        Files.createDirectories(root.resolve("models/gda-classifier"));
        Files.writeString(root.resolve("models/gda-classifier/model.json"), "{}");
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/geneassoc.json"), "{}");
        App app = app();
        StackSettings settings = new StackSettings(root.resolve("jar"), root.resolve("models"), root.resolve("config"),
                CONTRACT.releaseLabel(), "X86_64", "64 vCPU", "256 GB", "1000 GB", 15, null, List.of(), null);
        settings.validate(CONTRACT);
        stack = stack(app, "EMRServerlessStack", settings);
        Aspects.of(app).add(new AwsSolutionsChecks());
        app.synth();
        template = Template.fromStack(stack);
    }

    /** An App with the feature flags of the repository's cdk.json, so tests synthesise what a deploy would. */
    @SuppressWarnings("unchecked")
    public static App app() throws Exception {
        Path cdkJson = Path.of(System.getProperty("geneassoc.root", ".."), "cdk.json");
        Map<String, Object> context = (Map<String, Object>) new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(cdkJson.toFile(), Map.class).get("context");
        return App.Builder.create().context(context).build();
    }

    @Test
    void bucketBlocksPublicAccessEnforcesTlsIsEncryptedVersionedAndExpiresLogs() {
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Match.objectLike(Map.of("ServerSideEncryptionConfiguration",
                        List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"))))),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "geneassoc-bucket/")),
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Id", "ExpireJobLogs", "Prefix", "logs/", "ExpirationInDays", 30, "Status", "Enabled"))))))));
        template.resourceCountIs("AWS::S3::Bucket", 2);
        template.allResourcesProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny", "Action", "s3:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    void deploysJarModelsAndConfigWithModelsJsonSizedForTheAssets() {
        template.resourceCountIs("Custom::CDKBucketDeployment", 3);
        for (String prefix : List.of("jobs/artifacts/", "models/", "config/")) {
            template.hasResourceProperties("Custom::CDKBucketDeployment", Match.objectLike(Map.of("DestinationBucketKeyPrefix", prefix)));
        }
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "MemorySize", 1024, "EphemeralStorage", Map.of("Size", 1024))));
        Capture markers = new Capture();
        template.hasResourceProperties("Custom::CDKBucketDeployment", Match.objectLike(Map.of(
                "DestinationBucketKeyPrefix", "config/", "SourceMarkers", markers)));
        // models.json's one value, emrfsModelPath, is filled in at deploy time from this marker: s3://<bucket>/models.
        assertThat(stack.resolve(markers.asArray()).toString()).contains("s3://").contains("Bucket").endsWith("/models\"]]}}]");
    }

    @Test
    void roleIsAssumableOnlyByEmrServerlessOfThisApplication() {
        template.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
                "AssumeRolePolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Match.objectLike(Map.of(
                        "Action", "sts:AssumeRole", "Effect", "Allow",
                        "Principal", Map.of("Service", "emr-serverless.amazonaws.com"),
                        "Condition", Match.objectLike(Map.of("ArnLike", Match.objectLike(Map.of("aws:SourceArn", Match.anyValue())))))))))));
    }

    @SuppressWarnings("unchecked")
    @Test
    void jobPolicyHasNoWildcardActionsAndOnlyItsPrefixesAndSecret() {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::Policy", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("JobRole.*"))))))));
        assertThat(policies).hasSize(1);
        Map<String, Object> props = (Map<String, Object>) policies.values().iterator().next().get("Properties");
        List<Map<String, Object>> statements = (List<Map<String, Object>>) ((Map<String, Object>) props.get("PolicyDocument")).get("Statement");
        List<String> resources = new ArrayList<>();
        for (Map<String, Object> st : statements) {
            Object actions = st.get("Action");
            List<String> list = actions instanceof List ? (List<String>) actions : List.of((String) actions);
            assertThat(list).allSatisfy(a -> assertThat(a).doesNotContain("*"));
            Object res = st.get("Resource");
            for (Object r : res instanceof List ? (List<Object>) res : List.of(res)) {
                resources.add(r.toString());
            }
        }
        assertThat(resources).allSatisfy(r -> assertThat(r).doesNotMatch("^\\*$"));
        assertThat(String.join(" ", resources))
                .contains("/jobs/artifacts/*").contains("/models/*").contains("/config/*").contains("/input/*")
                .contains("/output/*").contains("/logs/*").contains("MongoUri");
        // The bare folder keys Hadoop's S3 file system reads first ("HEAD input" before listing input/).
        for (String bare : List.of("jobs/artifacts", "models", "config", "input", "output", "logs")) {
            assertThat(resources).anySatisfy(r -> assertThat(r).contains(", /" + bare + "]]"));
        }
        assertThat(resources).noneSatisfy(r -> assertThat(r).matches(".*Arn\\}?, ?/\\*\\].*"));
        assertThat(statements).anySatisfy(st -> assertThat(String.valueOf(st.get("Condition"))).contains("s3:prefix"));
    }

    @Test
    void onlyTheJobRoleMayReadTheMongoSecret() {
        template.resourceCountIs("AWS::SecretsManager::Secret", 1);
        template.hasResourceProperties("AWS::SecretsManager::ResourcePolicy", Match.objectLike(Map.of(
                "ResourcePolicy", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Action", "secretsmanager:GetSecretValue", "Principal", Map.of("AWS", "*"),
                        "Condition", Map.of("StringNotEquals", Map.of("aws:PrincipalArn",
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("JobRole.*"), "Arn"))))))))))));
    }

    @Test
    void applicationIsSparkOnEmr7WithAutoStartStopCapacityAndLogs() {
        template.hasResourceProperties("AWS::EMRServerless::Application", Match.objectLike(Map.of(
                "Type", "SPARK",
                "ReleaseLabel", Match.stringLikeRegexp("emr-7\\..*"),
                "Architecture", "X86_64",
                "AutoStartConfiguration", Map.of("Enabled", true),
                "AutoStopConfiguration", Map.of("Enabled", true, "IdleTimeoutMinutes", 15),
                "MaximumCapacity", Map.of("Cpu", "64 vCPU", "Memory", "256 GB", "Disk", "1000 GB"),
                "MonitoringConfiguration", Match.objectLike(Map.of("S3MonitoringConfiguration", Match.objectLike(Map.of(
                        "LogUri", Match.anyValue())))))));
    }

    @Test
    void outputsCarryTheLocationsAndAReadyStartJobRunCommand() {
        for (String id : List.of("ApplicationId", "JobRoleArn", "BucketName", "ArtifactsUri", "JobJarUri", "ModelsUri",
                "ConfigUri", "InputUri", "OutputUri", "LogsUri", "MongoSecretArn", "StartJobRunCommand", "StopApplicationCommand")) {
            template.hasOutput(id, Match.anyValue());
        }
        String command = stack.resolve(template.findOutputs("StartJobRunCommand", Match.anyValue())
                .get("StartJobRunCommand").get("Value")).toString();
        assertThat(command).contains("aws emr-serverless start-job-run").contains("--execution-role-arn")
                .contains("jobs/artifacts/geneassoc-pipeline-job.jar").contains("--class org.geneassoc.job.GdaJob")
                .contains("config/models.json").contains("config/geneassoc.json").contains("spark.executor.memory")
                .contains("spark.kryoserializer.buffer.max").contains("--input")
                .doesNotContain("mongodb://");
        // Without a VPC the job reaches AWS services only: the ready command writes JSON Lines to the bucket.
        assertThat(command).contains("\"--output\",\"s3://").contains("/output/\",\"--report\"").doesNotContain("--mongo-secret-id");
        assertThat(stack.resolve(template.findOutputs("ReportUri", Match.anyValue()).get("ReportUri").get("Value")).toString())
                .contains("s3://", "/output/_REPORT.html");
        assertThat(template.findOutputs("StartJobRunCommand", Match.anyValue()).get("StartJobRunCommand").get("Description").toString())
                .contains("JSON Lines").contains("-c vpcId=").contains("--mongo-secret-id");
    }

    @Test
    void synthesisNeedsNoContextFromCdkJson() {
        App bare = new App();
        StackSettings settings = new StackSettings(root.resolve("jar"), root.resolve("models"), root.resolve("config"),
                CONTRACT.releaseLabel(), "X86_64", "64 vCPU", "256 GB", "1000 GB", 15, null, List.of(), null);
        Template t = Template.fromStack(stack(bare, "NoCdkJson", settings));
        t.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Principal", Map.of("Service", "logging.s3.amazonaws.com"),
                        "Action", "s3:PutObject")))))))));
    }

    @Test
    void cdkNagFindsNoUnsuppressedErrorAndEverySuppressionSaysWhy() {
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        String json = template.toJSON().toString();
        assertThat(json).contains("cdk_nag");
        Map<String, Map<String, Object>> all = template.toJSON().entrySet().stream()
                .filter(e -> e.getKey().equals("Resources")).map(e -> (Map<String, Map<String, Object>>) e.getValue())
                .findFirst().orElseThrow();
        int suppressions = 0;
        for (Map<String, Object> resource : all.values()) {
            Object meta = resource.get("Metadata");
            if (meta instanceof Map<?, ?> m && m.get("cdk_nag") instanceof Map<?, ?> nag) {
                for (Object rule : (List<?>) nag.get("rules_to_suppress")) {
                    String reason = ((Map<?, ?>) rule).get("reason").toString();
                    assertThat(reason).hasSizeGreaterThan(40);
                    suppressions++;
                }
            }
        }
        assertThat(suppressions).isGreaterThanOrEqualTo(5);
    }

    @Test
    void explicitSubnetsPutJobsInAVpcWithAnEgressOnlyGroup() throws Exception {
        App app = app();
        StackSettings settings = new StackSettings(root.resolve("jar"), root.resolve("models"), root.resolve("config"),
                "emr-7.9.0", "ARM64", "16 vCPU", "64 GB", "200 GB", 15, "vpc-0abc", List.of("subnet-1", "subnet-2"), null);
        Template t = Template.fromStack(stack(app, "WithVpc", settings));
        t.hasResourceProperties("AWS::EMRServerless::Application", Match.objectLike(Map.of(
                "Architecture", "ARM64",
                "NetworkConfiguration", Match.objectLike(Map.of("SubnetIds", List.of("subnet-1", "subnet-2"))))));
        t.hasResourceProperties("AWS::EC2::SecurityGroup", Match.objectLike(Map.of("VpcId", "vpc-0abc")));
        t.resourcePropertiesCountIs("AWS::EC2::SecurityGroup", Match.objectLike(Map.of("SecurityGroupIngress", Match.anyValue())), 0);
        String command = t.findOutputs("StartJobRunCommand", Match.anyValue()).get("StartJobRunCommand").get("Value").toString();
        assertThat(command).contains("--mongo-secret-id").doesNotContain("\"--output\"");
        assertThat(t.findOutputs("JobSecurityGroupId", Match.anyValue())).as("what a database's security group lets in").isNotEmpty();
    }

    @Test
    void aWatchScheduleStartsFetchingRunsWithARoleThatMayDoOnlyThat() throws Exception {
        App app = app();
        StackSettings settings = new StackSettings(root.resolve("jar"), root.resolve("models"), root.resolve("config"),
                "emr-7.9.0", "X86_64", "16 vCPU", "64 GB", "200 GB", 15, "vpc-0abc", List.of("subnet-1"),
                new StackSettings.Watch("cron(0 6 ? * MON *)", "\"BRCA1\" AND HAS_ABSTRACT:y", 8, "ENABLED"));
        settings.validate(CONTRACT);
        EMRServerlessStack watched = stack(app, "Watched", settings);
        Aspects.of(app).add(new AwsSolutionsChecks());
        Template t = Template.fromStack(watched);
        Capture target = new Capture();
        t.hasResourceProperties("AWS::Scheduler::Schedule", Match.objectLike(Map.of(
                "ScheduleExpression", "cron(0 6 ? * MON *)", "ScheduleExpressionTimezone", "UTC", "State", "ENABLED", "Target", target)));
        String job = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(target.asObject());
        assertThat(job).contains(":scheduler:::aws-sdk:emrserverless:startJobRun").contains("--fetch-query", "BRCA1", "--fetch-since", "8d", "input/watch/<aws.scheduler.execution-id>/",
                "--mongo-secret-id", "--skip-existing", "<aws.scheduler.execution-id>", "--class org.geneassoc.job.GdaJob");
        Capture statements = new Capture();
        t.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", statements)),
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("WatchScheduleRole.*"))))));
        assertThat(statements.asArray()).extracting(st -> (Object) ((Map<?, ?>) st).get("Action"))
                .containsExactlyInAnyOrder("emr-serverless:StartJobRun", "iam:PassRole");
        assertThat(job).doesNotContain("scheduled-time");
        Capture trust = new Capture();
        t.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Principal", Map.of("Service", "scheduler.amazonaws.com"),
                        "Condition", trust))))))));
        String conditions = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(trust.asObject());
        assertThat(conditions).contains("\"StringEquals\":{\"aws:SourceAccount\"", "\"ArnEquals\":{\"aws:SourceArn\"",
                ":schedule/default/Watched-watch");
        t.hasResourceProperties("AWS::Scheduler::Schedule", Match.objectLike(Map.of("Name", "Watched-watch")));
        assertThat(t.findOutputs("WatchScheduleName", Match.anyValue())).isNotEmpty();
        List<String> errors = new ArrayList<>();
        Annotations.fromStack(watched).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).forEach(e -> errors.add(e.getId() + ": " + e.getEntry().getData()));
        assertThat(errors).as("cdk-nag errors with the schedule").isEmpty();
        assertThat(Template.fromStack(stack).findResources("AWS::Scheduler::Schedule")).as("no schedule unless asked").isEmpty();
    }

    @Test
    void aMongoCaBundleIsDeployedUnderConfigAndEveryMongoDbRunPassesIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path pem = java.nio.file.Files.writeString(dir.resolve("global-bundle.pem"),
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        App app = app();
        StackSettings settings = new StackSettings(root.resolve("jar"), root.resolve("models"), root.resolve("config"),
                "emr-7.9.0", "X86_64", "16 vCPU", "64 GB", "200 GB", 15, "vpc-0abc", List.of("subnet-1"),
                new StackSettings.Watch("cron(0 6 ? * MON *)", "BRCA1", 8, "ENABLED"), pem);
        settings.validate(CONTRACT);
        EMRServerlessStack trusting = stack(app, "Trusting", settings);
        Aspects.of(app).add(new AwsSolutionsChecks());
        Template t = Template.fromStack(trusting);
        String uri = trusting.resolve(t.findOutputs("MongoCaBundleUri", Match.anyValue()).get("MongoCaBundleUri").get("Value")).toString();
        assertThat(uri).contains("s3://", "/config/" + EMRServerlessStack.MONGO_CA_BUNDLE);
        String command = t.findOutputs("StartJobRunCommand", Match.anyValue()).get("StartJobRunCommand").get("Value").toString();
        assertThat(command).contains("\"--mongo-secret-id\"", "\"--mongo-ca-bundle\"", "/config/" + EMRServerlessStack.MONGO_CA_BUNDLE);
        Map<String, Object> watch = trusting.watchJobRun(settings.watch());
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(trusting.resolve(watch)))
                .as("the scheduled runs too").contains("\"--mongo-ca-bundle\"", "/config/" + EMRServerlessStack.MONGO_CA_BUNDLE);
        Capture sources = new Capture();
        t.hasResourceProperties("Custom::CDKBucketDeployment", Match.objectLike(Map.of("DestinationBucketKeyPrefix", "config/",
                "SourceObjectKeys", sources)));
        assertThat(sources.asArray()).as("config/, models.json and the bundle").hasSize(3);
        List<String> errors = new ArrayList<>();
        Annotations.fromStack(trusting).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                .forEach(e -> errors.add(e.getId() + ": " + e.getEntry().getData()));
        assertThat(errors).as("cdk-nag errors with a CA bundle").isEmpty();
        assertThat(Template.fromStack(stack).findOutputs("MongoCaBundleUri", Match.anyValue())).as("none unless asked").isEmpty();

        Path notPem = java.nio.file.Files.writeString(dir.resolve("ca.der"), "0\u0082\u0003");
        StackSettings bad = new StackSettings(root.resolve("jar"), root.resolve("models"), root.resolve("config"),
                "emr-7.9.0", "X86_64", "16 vCPU", "64 GB", "200 GB", 15, "vpc-0abc", List.of("subnet-1"), null, notPem);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bad.validate(CONTRACT)).hasMessageContaining(notPem.toString())
                .hasMessageContaining("no PEM certificate");
    }

    /**
     * The watch's Input is the StartJobRun request in the member names the universal target takes (the API's
     * members, first letter capitalised, as Step Functions' SDK integrations): every key, at every depth, must
     * be a member of the AWS SDK for Java v2 request shape, so a camelCase or unknown key fails the build.
     */
    @Test
    void theWatchRequestUsesOnlyMembersOfTheStartJobRunRequestShape() throws Exception {
        StackSettings.Watch watch = new StackSettings.Watch("rate(5 minutes)", "BRCA1", 8, "ENABLED");
        StackSettings settings = new StackSettings(root.resolve("jar"), root.resolve("models"), root.resolve("config"),
                "emr-7.9.0", "X86_64", "16 vCPU", "64 GB", "200 GB", 15, "vpc-0abc", List.of("subnet-1"), watch);
        EMRServerlessStack watched = stack(app(), "Shape", settings);
        Map<String, Object> request = watched.watchJobRun(watch);
        List<String> unknown = new ArrayList<>();
        unknownMembers(request, software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest.builder(), "", unknown);
        assertThat(unknown).as("keys the EMR Serverless StartJobRun request does not have").isEmpty();
        assertThat(request).containsKeys("ApplicationId", "ExecutionRoleArn", "JobDriver", "ClientToken");
        List<String> camel = new ArrayList<>();
        unknownMembers(Map.of("applicationId", "x", "jobDriver", Map.of("sparkSubmit", Map.of())),
                software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest.builder(), "", camel);
        assertThat(camel).as("the check itself refuses the API's wire names").containsExactlyInAnyOrder("applicationId", "jobDriver");
    }

    private static void unknownMembers(Object json, software.amazon.awssdk.core.SdkPojo shape, String path, List<String> unknown) {
        Map<String, software.amazon.awssdk.core.SdkField<?>> fields = new java.util.HashMap<>();
        // The SDK's members are the API model's (camelCase for EMR Serverless); SDK integrations take them capitalised.
        shape.sdkFields().forEach(f -> fields.put(Character.toUpperCase(f.memberName().charAt(0)) + f.memberName().substring(1), f));
        ((Map<?, ?>) json).forEach((k, v) -> {
            software.amazon.awssdk.core.SdkField<?> f = fields.get((String) k);
            if (f == null) {
                unknown.add(path + k);
            } else if (v instanceof Map<?, ?> && f.marshallingType() == software.amazon.awssdk.core.protocol.MarshallingType.SDK_POJO) {
                unknownMembers(v, f.constructor().get(), path + k + ".", unknown);
            }
        });
    }

    @Test
    void badSettingsAreNamed() {
        StackSettings s = new StackSettings(root.resolve("jar"), root.resolve("models"), root.resolve("config"),
                "emr-6.15.0", "X86_64", "1 vCPU", "1 GB", "20 GB", 15, null, List.of(), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.validate(CONTRACT)).hasMessageContaining("emr-6.15.0");
        StackSettings half = new StackSettings(root.resolve("jar"), root.resolve("models"), root.resolve("config"),
                "emr-7.9.0", "X86_64", "1 vCPU", "1 GB", "20 GB", 15, "vpc-1", List.of(), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> half.validate(CONTRACT)).hasMessageContaining("vpcId and subnetIds");
        StackSettings noNat = new StackSettings(root.resolve("jar"), root.resolve("models"), root.resolve("config"),
                "emr-7.9.0", "X86_64", "1 vCPU", "1 GB", "20 GB", 15, null, List.of(), new StackSettings.Watch("cron(0 6 * * ? *)", "BRCA1", 8,
                "ENABLED"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noNat.validate(CONTRACT)).hasMessageContaining("-c vpcId=");
        StackSettings noQuery = new StackSettings(root.resolve("jar"), root.resolve("models"), root.resolve("config"),
                "emr-7.9.0", "X86_64", "1 vCPU", "1 GB", "20 GB", 15, "vpc-1", List.of("subnet-1"),
                new StackSettings.Watch("cron(0 6 * * ? *)", "", 8, "ENABLED"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noQuery.validate(CONTRACT)).hasMessageContaining("schedule and query go together");
    }

    @Test
    void theContractIsTheOneThePomDeclares() {
        assertThat(CONTRACT.releaseLabel()).matches("emr-7\\.\\d+\\.\\d+");
        assertThat(CONTRACT.mainClass()).isEqualTo("org.geneassoc.job.GdaJob");
        assertThat(CONTRACT.modelsConfig()).isEqualTo("models.json");
        template.hasResourceProperties("AWS::EMRServerless::Application", Match.objectLike(Map.of("ReleaseLabel", CONTRACT.releaseLabel())));
    }
}
