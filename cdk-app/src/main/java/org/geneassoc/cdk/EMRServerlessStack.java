package org.geneassoc.cdk;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnSecurityGroup;
import software.amazon.awscdk.services.emrserverless.CfnApplication;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Everything a GDA job run on EMR Serverless needs: one bucket (job JAR, models, config, input, output,
 * logs under fixed prefixes), the execution role that may touch only those prefixes and the MongoDB
 * secret, the secret itself, and the Spark application. The outputs hold a ready start-job-run command.
 */
public class EMRServerlessStack extends Stack {
    public static final String ARTIFACTS = "jobs/artifacts/";
    public static final String MODELS = "models/";
    public static final String CONFIG = "config/";
    /** The MongoDB CA bundle's name under {@link #CONFIG}, whatever the file given was called. */
    public static final String MONGO_CA_BUNDLE = "mongo-ca-bundle.pem";
    public static final String INPUT = "input/";
    public static final String OUTPUT = "output/";
    public static final String LOGS = "logs/";
    /** Under input/: the scheduled watch's fetched pages, one folder per run. */
    public static final String WATCH = INPUT + "watch/";
    public static final String SERVICE = "emr-serverless.amazonaws.com";

    private final Bucket bucket;
    private final Role jobRole;
    private final Secret mongoSecret;
    /** Where the MongoDB CA bundle is deployed, or null when the stack was given none. */
    private final String mongoCaBundleUri;
    private final CfnApplication application;
    private final JobContract contract;

    public EMRServerlessStack(Construct scope, String id, EMRServerlessStackProps props) {
        super(scope, id, props.stackProps());
        // The access-log bucket receives logs through its bucket policy (it has no ACLs): said here, so the
        // stack synthesises the same wherever it is built, not only where cdk.json sets the flag.
        getNode().setContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        StackSettings settings = props.settings();
        this.contract = props.contract();

        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireAccessLogs").expiration(Duration.days(365)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        NagSuppressions.addResourceSuppressions(accessLogs, List.of(NagPackSuppression.builder().id("AwsSolutions-S1")
                .reason("This bucket receives the main bucket's server access logs; logging it into itself would loop.").build()));

        // Versioned so an overwritten JAR, model or output can be recovered; old versions expire after 30 days.
        bucket = Bucket.Builder.create(this, "Bucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("geneassoc-bucket/")
                .lifecycleRules(List.of(
                        LifecycleRule.builder().id("ExpireJobLogs").prefix(LOGS).expiration(Duration.days(30))
                                .noncurrentVersionExpiration(Duration.days(1)).build(),
                        LifecycleRule.builder().id("ExpireOldVersions").noncurrentVersionExpiration(Duration.days(30))
                                .abortIncompleteMultipartUploadAfter(Duration.days(7)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        // The JAR is about 22 MB (EmrJarIT keeps it under 40): the deployment Lambda holds the asset zip and the
        // extracted JAR at once, with room to spare.
        BucketDeployment.Builder.create(this, "DeployJobJar")
                .sources(List.of(Source.asset(settings.jarDir().toString())))
                .destinationBucket(bucket).destinationKeyPrefix(ARTIFACTS)
                .memoryLimit(1024).ephemeralStorageSize(Size.gibibytes(1))
                .build();
        BucketDeployment.Builder.create(this, "DeployModels")
                .sources(List.of(Source.asset(settings.modelsDir().toString())))
                .destinationBucket(bucket).destinationKeyPrefix(MODELS)
                .memoryLimit(1024).ephemeralStorageSize(Size.gibibytes(1))
                .build();
        List<software.amazon.awscdk.services.s3.deployment.ISource> config = new java.util.ArrayList<>(List.of(
                Source.asset(settings.configDir().toString()),
                Source.jsonData(contract.modelsConfig(), Map.of(contract.modelsConfigKey(), bucket.s3UrlForObject("models")))));
        if (settings.mongoCaBundle() != null) {
            // PEM is text: deployed as it is read, under a fixed name the commands pass.
            config.add(Source.data(MONGO_CA_BUNDLE, settings.mongoCaBundlePem()));
        }
        BucketDeployment.Builder.create(this, "DeployConfig")
                .sources(config)
                .destinationBucket(bucket).destinationKeyPrefix(CONFIG)
                .build();
        mongoCaBundleUri = settings.mongoCaBundle() == null ? null : "s3://" + bucket.getBucketName() + "/" + CONFIG + MONGO_CA_BUNDLE;

        mongoSecret = Secret.Builder.create(this, "MongoUri")
                .description("MongoDB connection URI (mongodb:// or mongodb+srv://) for the GeneAssoc GDA job")
                .build();
        NagSuppressions.addResourceSuppressions(mongoSecret, List.of(NagPackSuppression.builder().id("AwsSolutions-SMG4")
                .reason("The value is a connection URI whose credentials the MongoDB operator issues and rotates; "
                        + "Secrets Manager cannot rotate a third-party database user.").build()));

        application = CfnApplication.Builder.create(this, "Application")
                .name("geneassoc")
                .type("SPARK")
                .releaseLabel(settings.releaseLabel())
                .architecture(settings.architecture())
                .autoStartConfiguration(CfnApplication.AutoStartConfigurationProperty.builder().enabled(true).build())
                // Stopped when idle: no cost between runs, and CloudFormation can apply updates (it cannot while STARTED).
                .autoStopConfiguration(CfnApplication.AutoStopConfigurationProperty.builder().enabled(true)
                        .idleTimeoutMinutes(settings.idleMinutes()).build())
                .maximumCapacity(CfnApplication.MaximumAllowedResourcesProperty.builder()
                        .cpu(settings.maxCpu()).memory(settings.maxMemory()).disk(settings.maxDisk()).build())
                .monitoringConfiguration(CfnApplication.MonitoringConfigurationProperty.builder()
                        .s3MonitoringConfiguration(CfnApplication.S3MonitoringConfigurationProperty.builder()
                                .logUri(bucket.s3UrlForObject(LOGS)).build())
                        .build())
                .networkConfiguration(network(settings))
                .build();

        jobRole = Role.Builder.create(this, "JobRole")
                .description("Execution role of GeneAssoc job runs on EMR Serverless")
                .assumedBy(new ServicePrincipal(SERVICE).withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", application.getAttrArn()))))
                .build();
        grantJobAccess();

        outputs(settings.vpcId() != null);
        if (settings.watch() != null) {
            watch(settings.watch());
        }
        suppressCdkDeploymentProviderFindings();
    }

    /** Jobs reach AWS services only, unless explicit subnets are given (private, routed through NAT). */
    private CfnApplication.NetworkConfigurationProperty network(StackSettings settings) {
        if (settings.vpcId() == null) {
            return null;
        }
        CfnSecurityGroup sg = CfnSecurityGroup.Builder.create(this, "JobSecurityGroup")
                .groupDescription("GeneAssoc EMR Serverless jobs: outbound only, e.g. to MongoDB")
                .vpcId(settings.vpcId())
                .securityGroupEgress(List.of(CfnSecurityGroup.EgressProperty.builder()
                        .ipProtocol("tcp").fromPort(443).toPort(443).cidrIp("0.0.0.0/0").description("HTTPS to AWS APIs").build(),
                        CfnSecurityGroup.EgressProperty.builder()
                                .ipProtocol("tcp").fromPort(27015).toPort(27017).cidrIp("0.0.0.0/0").description("MongoDB").build()))
                .build();
        output("JobSecurityGroupId", sg.getAttrGroupId(), "The jobs' security group: allow it in on 27017 at your MongoDB or "
                + "DocumentDB cluster's security group");
        return CfnApplication.NetworkConfigurationProperty.builder()
                .subnetIds(settings.subnetIds()).securityGroupIds(List.of(sg.getAttrGroupId())).build();
    }

    private void grantJobAccess() {
        jobRole.addToPolicy(PolicyStatement.Builder.create().sid("ReadJobInputs")
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects(ARTIFACTS + "*"), bucket.arnForObjects(MODELS + "*"),
                        bucket.arnForObjects(CONFIG + "*"), bucket.arnForObjects(INPUT + "*")))
                .build());
        // Hadoop's S3 file system asks for a folder's bare key first ("HEAD input"), then lists below it.
        jobRole.addToPolicy(PolicyStatement.Builder.create().sid("ReadFolderKeys")
                .actions(List.of("s3:GetObject"))
                .resources(Stream.of(ARTIFACTS, MODELS, CONFIG, INPUT, OUTPUT, LOGS)
                        .map(prefix -> bucket.arnForObjects(prefix.substring(0, prefix.length() - 1))).toList())
                .build());
        jobRole.addToPolicy(PolicyStatement.Builder.create().sid("WriteJobOutputs")
                .actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"))
                .resources(List.of(bucket.arnForObjects(OUTPUT + "*"), bucket.arnForObjects(LOGS + "*")))
                .build());
        jobRole.addToPolicy(PolicyStatement.Builder.create().sid("ListJobPrefixes")
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(ARTIFACTS + "*", MODELS + "*", CONFIG + "*",
                        INPUT + "*", OUTPUT + "*", LOGS + "*", "jobs", "models", "config", "input", "output", "logs"))))
                .build());
        jobRole.addToPolicy(PolicyStatement.Builder.create().sid("ReadMongoUri")
                .actions(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"))
                .resources(List.of(mongoSecret.getSecretArn()))
                .build());
        // Only the job role reads the URI, whatever other identity policies in the account allow.
        mongoSecret.addToResourcePolicy(PolicyStatement.Builder.create().sid("OnlyTheJobRoleReads")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of("*"))
                .conditions(Map.of("StringNotEquals", Map.of("aws:PrincipalArn", jobRole.getRoleArn())))
                .build());
        NagSuppressions.addResourceSuppressions(jobRole, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("Object access is scoped to the job's own prefixes (jobs/artifacts, models, config, input, output, logs) "
                        + "of its one bucket; object keys below a prefix are not known in advance.")
                .appliesTo(List.of(ARTIFACTS, MODELS, CONFIG, INPUT, OUTPUT, LOGS).stream()
                        .map(prefix -> (Object) ("Resource::<" + logicalId(bucket) + ".Arn>/" + prefix + "*")).toList())
                .build()), true);
    }

    private String logicalId(Bucket b) {
        return resolve(((CfnBucket) b.getNode().getDefaultChild()).getLogicalId()).toString();
    }

    /** Findings on the Lambda that CDK itself generates for BucketDeployment, each with why it stands. */
    private void suppressCdkDeploymentProviderFindings() {
        for (IConstruct child : getNode().getChildren()) {
            if (child.getNode().getId().startsWith("Custom::CDKBucketDeployment")) {
                NagSuppressions.addResourceSuppressions(child, List.of(
                        NagPackSuppression.builder().id("AwsSolutions-IAM4")
                                .reason("CDK's BucketDeployment provider uses AWSLambdaBasicExecutionRole only to write its own CloudWatch logs.")
                                .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
                                .build(),
                        NagPackSuppression.builder().id("AwsSolutions-IAM5")
                                .reason("CDK generates these grants for its BucketDeployment provider: read the CDK asset bucket and "
                                        + "sync objects into this stack's bucket; they cover those two buckets only.")
                                .build(),
                        NagPackSuppression.builder().id("AwsSolutions-L1")
                                .reason("aws-cdk-lib pins the BucketDeployment provider's Lambda runtime; it moves with CDK upgrades.")
                                .build()), true);
            }
        }
    }

    /**
     * The ready command writes where the job can reach: JSON Lines under {@code output/} without a VPC
     * (jobs then reach AWS services only), MongoDB through the secret with one.
     */
    private void outputs(boolean inVpc) {
        String b = bucket.getBucketName();
        String jar = "s3://" + b + "/" + ARTIFACTS + contract.jarName();
        output("ApplicationId", application.getAttrApplicationId(), "EMR Serverless application ID");
        output("JobRoleArn", jobRole.getRoleArn(), "Execution role for start-job-run");
        output("BucketName", b, "Bucket for artifacts, models, config, input, output and logs");
        output("ArtifactsUri", "s3://" + b + "/" + ARTIFACTS, "Job JAR location");
        output("JobJarUri", jar, "Entry point of job runs");
        output("ModelsUri", "s3://" + b + "/" + MODELS, "Models the job loads (" + contract.modelsConfigKey() + ")");
        output("ConfigUri", "s3://" + b + "/" + CONFIG, "Job configuration (geneassoc.json, " + contract.modelsConfig() + ") for --files");
        output("InputUri", "s3://" + b + "/" + INPUT, "Upload article files here");
        output("OutputUri", "s3://" + b + "/" + OUTPUT, "JSON Lines output when no MongoDB secret is passed");
        output("LogsUri", "s3://" + b + "/" + LOGS, "Spark driver and executor logs");
        output("MongoSecretArn", mongoSecret.getSecretArn(), "Put the MongoDB URI here: aws secretsmanager put-secret-value");
        if (mongoCaBundleUri != null) {
            output("MongoCaBundleUri", mongoCaBundleUri, "The MongoDB CA bundle MongoDB runs trust (--mongo-ca-bundle)");
        }
        String sink = inVpc
                ? "\"--mongo-secret-id\",\"" + mongoSecret.getSecretArn() + "\""
                + (mongoCaBundleUri == null ? "" : ",\"--mongo-ca-bundle\",\"" + mongoCaBundleUri + "\"")
                : "\"--output\",\"s3://" + b + "/" + OUTPUT + "\",\"--report\"";
        if (!inVpc) {
            output("ReportUri", "s3://" + b + "/" + OUTPUT + "_REPORT.html",
                    "The page of the output's associations and evidence (--report): aws s3 cp it and open it in a browser");
        }
        output("StartJobRunCommand", "aws emr-serverless start-job-run --application-id " + application.getAttrApplicationId()
                + " --execution-role-arn " + jobRole.getRoleArn() + " --name geneassoc-gda --job-driver '{\"sparkSubmit\":{"
                + "\"entryPoint\":\"" + jar + "\","
                + "\"entryPointArguments\":[\"--input\",\"s3://" + b + "/" + INPUT + "\"," + sink + "],"
                + "\"sparkSubmitParameters\":\"" + sparkSubmitParameters() + "\"}}'"
                + " --configuration-overrides '{\"monitoringConfiguration\":{\"s3MonitoringConfiguration\":{\"logUri\":\"s3://" + b + "/" + LOGS + "\"}}}'",
                inVpc ? "Starts the GDA job on everything under InputUri, writing to MongoDB (the URI in MongoSecretArn)"
                        : "Starts the GDA job on everything under InputUri, writing JSON Lines to OutputUri. To write to MongoDB, "
                        + "deploy with -c vpcId=... -c subnetIds=... (private subnets with a NAT route) and pass --mongo-secret-id "
                        + "MongoSecretArn instead of --output");
        output("StopApplicationCommand", "aws emr-serverless stop-application --application-id " + application.getAttrApplicationId(),
                "Run before 'cdk deploy' changes the application while it is STARTED");
    }

    /**
     * The literature watch: an EventBridge Scheduler schedule whose universal target starts a job run that fetches
     * the query's recent records into its own {@code input/watch/<execution id>/} folder and scores the articles
     * MongoDB does not hold from the same model version. The folder is named by the schedule's execution ID, not
     * its scheduled time: a time holds colons, which Hadoop reads as a URI scheme; a retry of one execution keeps
     * its ID and so resumes its own fetch. Its role may start runs of this application, passing the job role, and
     * nothing else, and only this account's schedule may assume it.
     */
    private void watch(StackSettings.Watch watch) {
        String b = bucket.getBucketName();
        jobRole.addToPolicy(PolicyStatement.Builder.create().sid("WriteFetchedInput")
                .actions(List.of("s3:PutObject", "s3:DeleteObject"))
                .resources(List.of(bucket.arnForObjects(WATCH + "*")))
                .build());
        NagSuppressions.addResourceSuppressions(jobRole, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("A scheduled run writes the Europe PMC pages it fetches under input/watch/ of its own bucket; their keys "
                        + "(one folder per scheduled execution) are not known in advance.")
                .appliesTo(List.of("Resource::<" + logicalId(bucket) + ".Arn>/" + WATCH + "*")).build()), true);
        // The schedule's name is fixed here, so its ARN is known before it exists: the role trusts that schedule alone.
        String scheduleName = getStackName() + "-watch";
        String scheduleArn = "arn:" + getPartition() + ":scheduler:" + getRegion() + ":" + getAccount() + ":schedule/default/" + scheduleName;
        Role schedulerRole = Role.Builder.create(this, "WatchScheduleRole")
                .description("Lets the GeneAssoc watch schedule start job runs of its EMR Serverless application")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", getAccount()),
                        "ArnEquals", Map.of("aws:SourceArn", scheduleArn))))
                .build();
        schedulerRole.addToPolicy(PolicyStatement.Builder.create().sid("StartJobRuns")
                .actions(List.of("emr-serverless:StartJobRun"))
                .resources(List.of(application.getAttrArn()))
                .build());
        schedulerRole.addToPolicy(PolicyStatement.Builder.create().sid("PassJobRole")
                .actions(List.of("iam:PassRole"))
                .resources(List.of(jobRole.getRoleArn()))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", SERVICE)))
                .build());
        String input = toJsonString(watchJobRun(watch));
        CfnSchedule schedule = CfnSchedule.Builder.create(this, "WatchSchedule")
                .name(scheduleName)
                .description("GeneAssoc literature watch: fetch new Europe PMC records for the query and score them")
                .scheduleExpression(watch.expression())
                .scheduleExpressionTimezone("UTC")
                .state(watch.state())
                .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                .target(CfnSchedule.TargetProperty.builder()
                        .arn("arn:" + getPartition() + ":scheduler:::aws-sdk:emrserverless:startJobRun")
                        .roleArn(schedulerRole.getRoleArn())
                        .input(input)
                        .retryPolicy(CfnSchedule.RetryPolicyProperty.builder().maximumRetryAttempts(2).build())
                        .build())
                .build();
        output("WatchScheduleName", schedule.getRef(), "EventBridge Scheduler schedule of the literature watch ("
                + watch.expression() + ", UTC); pause it by deploying with -c scheduleState=DISABLED");
        output("WatchInputUri", "s3://" + b + "/" + WATCH, "Where each scheduled run fetches its Europe PMC pages");
    }

    /**
     * The StartJobRun request the watch's schedule sends, in the member names of the AWS SDK integration that
     * EventBridge Scheduler's universal targets take (PascalCase, as Step Functions' SDK integrations).
     */
    Map<String, Object> watchJobRun(StackSettings.Watch watch) {
        String b = bucket.getBucketName();
        Map<String, Object> sparkSubmit = Map.of(
                "EntryPoint", "s3://" + b + "/" + ARTIFACTS + contract.jarName(),
                "EntryPointArguments", concat(List.of("--fetch-query", watch.query(), "--fetch-since", watch.sinceDays() + "d",
                        "--input", "s3://" + b + "/" + WATCH + "<aws.scheduler.execution-id>/",
                        "--mongo-secret-id", mongoSecret.getSecretArn(), "--skip-existing"), mongoCaBundle()),
                "SparkSubmitParameters", sparkSubmitParameters());
        return Map.of(
                "ApplicationId", application.getAttrApplicationId(),
                "ExecutionRoleArn", jobRole.getRoleArn(),
                "Name", "geneassoc-watch",
                "ClientToken", "<aws.scheduler.execution-id>",
                "JobDriver", Map.of("SparkSubmit", sparkSubmit),
                "ConfigurationOverrides", Map.of("MonitoringConfiguration", Map.of("S3MonitoringConfiguration",
                        Map.of("LogUri", "s3://" + b + "/" + LOGS))));
    }

    /** The flag and location of the MongoDB CA bundle, when the stack deployed one. */
    private List<String> mongoCaBundle() {
        return mongoCaBundleUri == null ? List.of() : List.of("--mongo-ca-bundle", mongoCaBundleUri);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** How every run of the job is submitted: main class, config files, driver and executor sizes, Kryo. */
    private String sparkSubmitParameters() {
        String b = bucket.getBucketName();
        return "--class " + contract.mainClass() + " --files s3://" + b + "/" + CONFIG + "geneassoc.json,s3://" + b + "/" + CONFIG
                + contract.modelsConfig() + " --conf spark.driver.cores=2 --conf spark.driver.memory=6g --conf spark.executor.cores=4"
                + " --conf spark.executor.memory=12g --conf spark.serializer=org.apache.spark.serializer.KryoSerializer"
                + " --conf spark.kryoserializer.buffer.max=512m";
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public Bucket bucket() {
        return bucket;
    }
}
