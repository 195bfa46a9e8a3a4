package org.geneassoc.cdk;

import java.util.Objects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * What {@link EMRServerlessStack} is built from: the usual stack properties, the context settings
 * (asset folders, capacity, network) and the job's contract. Made with {@link #builder()}.
 */
public final class EMRServerlessStackProps {
    private final StackProps stackProps;
    private final StackSettings settings;
    private final JobContract contract;

    private EMRServerlessStackProps(Builder b) {
        this.stackProps = StackProps.builder().env(b.env).description(b.description).build();
        this.settings = Objects.requireNonNull(b.settings, "settings");
        this.contract = b.contract != null ? b.contract : JobContract.load();
    }

    public static Builder builder() {
        return new Builder();
    }

    public StackProps stackProps() {
        return stackProps;
    }

    public StackSettings settings() {
        return settings;
    }

    public JobContract contract() {
        return contract;
    }

    public static final class Builder {
        private Environment env;
        private String description;
        private StackSettings settings;
        private JobContract contract;

        private Builder() {
        }

        public Builder env(Environment env) {
            this.env = env;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder settings(StackSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Defaults to the contract the build filtered into {@code job-contract.properties}. */
        public Builder contract(JobContract contract) {
            this.contract = contract;
            return this;
        }

        public EMRServerlessStackProps build() {
            return new EMRServerlessStackProps(this);
        }
    }
}
