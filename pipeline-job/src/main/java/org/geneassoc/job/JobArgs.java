package org.geneassoc.job;

import java.util.EnumMap;
import java.util.Map;
import org.geneassoc.config.Setting;

/**
 * The job's command line: a flag for every {@link Setting}, plus {@code --master} and {@code --config},
 * which say where the job runs and where its defaults are rather than what it does. Both
 * {@code --flag value} and {@code --flag=value}.
 *
 * @param master    the Spark master when spark-submit set none (null: local[*])
 * @param config    the folder of {@code *.json} defaults, local or a Hadoop URI such as {@code s3://bucket/config/}
 *                  (null: {@code -Dgeneassoc.config}, else {@code ./config})
 */
public record JobArgs(Map<Setting, String> flags, String master, String config, boolean help) {
    static final String MASTER = "--master";
    static final String CONFIG = "--config";
    static final String HELP = "--help";

    /** A flag that is unknown, repeated or missing its value; the job exits with code 2. */
    public static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    public static JobArgs parse(String... args) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        String master = null;
        String config = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(HELP) || arg.equals("-h")) {
                help = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String flag = eq > 0 ? arg.substring(0, eq) : arg;
            Setting s = Setting.forFlag(flag);
            if (s == null && !flag.equals(MASTER) && !flag.equals(CONFIG)) {
                throw new UsageException("Unknown flag '" + arg + "'; see --help");
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (s != null && s.isSwitch()) {
                value = "true";
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException("Flag " + flag + " needs a value");
            }
            if (s != null) {
                if (flags.put(s, value) != null) {
                    throw new UsageException("Flag " + flag + " is given twice");
                }
            } else if (flag.equals(MASTER)) {
                master = value;
            } else {
                config = value;
            }
        }
        return new JobArgs(flags, master, config, help);
    }

    public String configFolder() {
        return configFolder(config);
    }

    /** The folder of defaults: the flag, else {@code -Dgeneassoc.config}, else {@code ./config}. */
    public static String configFolder(String flag) {
        return flag != null ? flag : System.getProperty("geneassoc.config", "config");
    }

    /** {@code --help}: every flag with its environment variable and default, from the one definition. */
    public static String usage(String command) {
        StringBuilder b = new StringBuilder("Usage: " + command + " --input PATH [flags]\n"
                + "Find gene-disease associations in article records and write one document per article.\n\n");
        for (Setting s : Setting.values()) {
            String dflt = s.defaultValue();
            b.append(String.format("  %-32s %s%s%s%n", s.isSwitch() ? s.flag() : s.flag() + " " + s.label(), s.description(),
                    s.env() == null ? "" : " Env: " + s.env() + ".", dflt == null ? "" : " Default: " + dflt + "."));
        }
        b.append(String.format("  %-32s %s%n", MASTER + " URL", "Spark master when not launched by spark-submit. Default: local[*]."));
        b.append(String.format("  %-32s %s%n", CONFIG + " DIR|URI", "Folder of *.json defaults, local or s3://.../config/. Default: ./config."));
        b.append("\nSettings merge, lowest first: defaults, config/*.json, JSON files shipped with spark-submit --files\n"
                + "(found in the SparkFiles folder or the working directory; models.json's emrfsModelPath sets --models),\n"
                + "the environment, the flags.\n"
                + "Exit codes: 0 all input read, documents written; 1 bad configuration, missing input or failed run;\n"
                + "2 unknown or malformed flag; 3 some input files could not be read and --fail-on-bad-input was given,\n"
                + "or none could be read. A run that read some files and not others exits 0 and names them.\n");
        return b.toString();
    }
}
