package org.geneassoc.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class MongoSecretTest {
    @Test
    void aSecretArnCarriesTheRegionTheClientUses() {
        assertThat(MongoSecret.regionOf("arn:aws:secretsmanager:eu-west-1:123456789012:secret:geneassoc/mongo-AbCdEf"))
                .contains(Region.EU_WEST_1);
        assertThat(MongoSecret.regionOf("arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:mongo")).contains(Region.CN_NORTH_1);
    }

    @Test
    void aBareSecretNameLeavesTheRegionToTheEnvironment() {
        assertThat(MongoSecret.regionOf("geneassoc/mongo")).isEmpty();
        assertThat(MongoSecret.regionOf("arn:aws:s3:::bucket")).isEmpty();
    }
}
