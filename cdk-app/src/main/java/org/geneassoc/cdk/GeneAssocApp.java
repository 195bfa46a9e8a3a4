package org.geneassoc.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;

/** {@code cdk synth} / {@code cdk deploy}: the EMRServerlessStack, checked by cdk-nag's AWS Solutions rules. */
public final class GeneAssocApp {
    private GeneAssocApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Path root = repositoryRoot();
        JobContract contract = JobContract.load();
        // Account and region come from the deploying credentials; synthesis needs neither.
        new EMRServerlessStack(app, "EMRServerlessStack", EMRServerlessStackProps.builder()
                .env(Environment.builder().account(System.getenv("CDK_DEFAULT_ACCOUNT")).region(System.getenv("CDK_DEFAULT_REGION")).build())
                .description("GeneAssoc: EMR Serverless application, bucket, job role and secret for the GDA Spark job")
                .settings(StackSettings.fromContext(app.getNode(), root, contract))
                .contract(contract)
                .build());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).reports(true).build()));
        app.synth();
    }

    /**
     * The repository the asset folders are relative to: {@code -Dgeneassoc.root}, else the one this class
     * was built in ({@code cdk-app/target/classes}), so synthesis does not depend on the working directory.
     */
    static Path repositoryRoot() {
        String property = System.getProperty("geneassoc.root");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        try {
            Path classes = Path.of(GeneAssocApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent().getParent().normalize();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where cdk-app was built; set -Dgeneassoc.root", e);
        }
    }
}
