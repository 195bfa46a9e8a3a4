package org.geneassoc.cdk.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Secrets Manager for the rehearsal: a local endpoint answering {@code GetSecretValue} (AWS JSON 1.1, as the AWS SDK
 * sends it) for one secret, whose ARN the synthesised stack gives, and only where the job role's policy allows that
 * call on it. The job reaches it through the SDK's endpoint setting ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER}), as
 * EMR's SDK bundle (2.31) reads it; anything else it is asked is answered as AWS answers an unknown secret.
 */
final class SecretsManagerStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request: the secret asked for, and whether it was answered with the value. */
    record Call(String target, String secretId, boolean answered) {
    }

    private final HttpServer server;
    private final String arn;
    private final String value;
    private final RolePolicy policy;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    SecretsManagerStandIn(String arn, String value, RolePolicy policy) throws IOException {
        this.arn = arn;
        this.value = value;
        this.policy = policy;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void answer(HttpExchange ex) throws IOException {
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        String secretId = body.path("SecretId").asText("");
        boolean signed = ex.getRequestHeaders().getFirst("Authorization") != null;
        boolean allowed = policy.allows(new RolePolicy.Request("secretsmanager:GetSecretValue", arn));
        boolean answer = "secretsmanager.GetSecretValue".equals(target) && arn.equals(secretId) && signed && allowed;
        calls.add(new Call(target, secretId, answer));
        byte[] out;
        int status;
        if (answer) {
            status = 200;
            out = JSON.writeValueAsBytes(Map.of("ARN", arn, "Name", arn.substring(arn.lastIndexOf(':') + 1), "SecretString", value,
                    "VersionId", "rehearsal", "VersionStages", List.of("AWSCURRENT"), "CreatedDate", 1.7e9));
        } else {
            status = 400;
            out = JSON.writeValueAsBytes(Map.of("__type", allowed ? "ResourceNotFoundException" : "AccessDeniedException",
                    "message", allowed ? "Secrets Manager can't find the specified secret." : "The job role may not read " + arn));
        }
        ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
