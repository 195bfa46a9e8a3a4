package org.geneassoc.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.geneassoc.classify.ModelManifest;
import org.geneassoc.config.Setting;
import org.geneassoc.models.ModelsFolder;
import org.junit.jupiter.api.Test;

/** The job honours the contract the stack deploys it by (the parent pom's job.* properties). */
class JobContractTest {
    @Test
    void theStacksMainClassModelsKeyAndManifestAreTheJobs() {
        assertThat(GdaJob.class.getName()).isEqualTo(System.getProperty("job.main.class"));
        assertThat(Setting.forKey(System.getProperty("job.models.config.key"))).isEqualTo(Setting.MODELS);
        assertThat(ModelsFolder.CLASSIFIER + "/" + ModelManifest.FILE).isEqualTo(System.getProperty("job.models.manifest"));
    }
}
