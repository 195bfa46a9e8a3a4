package org.geneassoc.cdk.rehearsal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Java process of the rehearsal (S3Proxy, Spark master, worker, submitter), its output in a log file. */
final class Jvm implements AutoCloseable {
    private final Process process;
    private final Path log;

    private Jvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static Jvm start(List<String> options, String classpath, String mainClass, List<String> args, Map<String, String> env, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new Jvm(pb.start(), log);
    }

    /** Waits until the log says {@code text}; fails with the log's tail if the process ends or time runs out first. */
    Jvm awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Process ended (exit " + process.exitValue() + ") before logging '" + text + "':\n" + tail());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("No '" + text + "' in " + log + " within " + timeout + ":\n" + tail());
    }

    /** The exit code, or -1 (and the process killed) when it runs past the timeout. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            close();
            return -1;
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    String tail() throws IOException {
        String s = Files.exists(log) ? output() : "";
        return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }
}
