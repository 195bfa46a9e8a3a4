package org.geneassoc.config;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Reads the MongoDB connection URI from AWS Secrets Manager at start-up, so it never travels on a
 * spark-submit command line or in job-run history. The secret holds the URI as plain text. A secret
 * named by its ARN is read in the ARN's region: EMR Serverless sets no {@code AWS_REGION} for the driver.
 */
public final class MongoSecret {
    private MongoSecret() {
    }

    public static String read(String secretId) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
        regionOf(secretId).ifPresent(builder::region);
        try (SecretsManagerClient client = builder.build()) {
            String value = client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build()).secretString();
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Secret " + secretId + " is empty; store the MongoDB connection URI in it");
            }
            return value.strip();
        } catch (SecretsManagerException e) {
            throw new IllegalArgumentException("Cannot read MongoDB URI from secret " + secretId + ": "
                    + e.awsErrorDetails().errorMessage(), e);
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("Cannot read MongoDB URI from secret " + secretId + ": " + e.getMessage()
                    + (regionOf(secretId).isEmpty() ? " (name the secret by its ARN, which carries its region, or set AWS_REGION)" : ""), e);
        }
    }

    /** The region of a secret ARN ({@code arn:aws:secretsmanager:eu-west-1:123456789012:secret:name}); empty for a bare name. */
    static Optional<Region> regionOf(String secretId) {
        String[] parts = secretId.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("secretsmanager") && !parts[3].isBlank()) {
            return Optional.of(Region.of(parts[3]));
        }
        return Optional.empty();
    }
}
