package org.geneassoc.config;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Reads the MongoDB connection URI from AWS Secrets Manager at start-up, so it never travels on a
 * spark-submit command line or in job-run history. The secret holds the URI as plain text.
 */
public final class MongoSecret {
    private MongoSecret() {
    }

    public static String read(String secretId) {
        try (SecretsManagerClient client = SecretsManagerClient.create()) {
            String value = client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build()).secretString();
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Secret " + secretId + " is empty; store the MongoDB connection URI in it");
            }
            return value.strip();
        } catch (SecretsManagerException e) {
            throw new IllegalArgumentException("Cannot read MongoDB URI from secret " + secretId + ": "
                    + e.awsErrorDetails().errorMessage(), e);
        }
    }
}
