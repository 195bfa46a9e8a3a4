package org.geneassoc.cdk.rehearsal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What IAM checks for one path-style S3 REST request ({@code /bucket} or {@code /bucket/key}), after AWS's
 * "Actions, resources and condition keys for Amazon S3": HEAD and GET of an object need s3:GetObject, listing
 * needs s3:ListBucket on the bucket with {@code s3:prefix}, multipart parts and copies need s3:PutObject (a copy
 * also s3:GetObject on its source), a multi-object delete needs s3:DeleteObject on every key. A request this
 * does not know maps to an action no policy grants.
 */
final class S3Requests {
    private static final Pattern DELETE_KEY = Pattern.compile("<Key>([^<]*)</Key>");

    private S3Requests() {
    }

    static List<RolePolicy.Request> of(String method, String rawPath, String rawQuery, String copySource, byte[] body) {
        String path = decode(rawPath.startsWith("/") ? rawPath.substring(1) : rawPath);
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String key = slash < 0 ? "" : path.substring(slash + 1);
        Map<String, String> query = query(rawQuery);
        String bucketArn = "arn:aws:s3:::" + bucket;
        String objectArn = bucketArn + "/" + key;
        List<RolePolicy.Request> out = new ArrayList<>();
        if (key.isEmpty()) {
            if (method.equals("GET") && query.containsKey("uploads")) {
                out.add(new RolePolicy.Request("s3:ListBucketMultipartUploads", bucketArn));
            } else if (method.equals("GET") && query.containsKey("location")) {
                out.add(new RolePolicy.Request("s3:GetBucketLocation", bucketArn));
            } else if (method.equals("GET") || method.equals("HEAD")) {
                out.add(new RolePolicy.Request("s3:ListBucket", bucketArn, Map.of("s3:prefix", query.getOrDefault("prefix", ""))));
            } else if (method.equals("POST") && query.containsKey("delete")) {
                Matcher m = DELETE_KEY.matcher(new String(body, StandardCharsets.UTF_8));
                while (m.find()) {
                    out.add(new RolePolicy.Request("s3:DeleteObject", bucketArn + "/" + xmlText(m.group(1))));
                }
            } else {
                out.add(new RolePolicy.Request("s3:Unknown" + method + "Bucket", bucketArn));
            }
            return out;
        }
        switch (method) {
            case "GET", "HEAD" -> out.add(new RolePolicy.Request(query.containsKey("uploadId") ? "s3:ListMultipartUploadParts"
                    : query.isEmpty() || query.containsKey("partNumber") ? "s3:GetObject" : "s3:UnknownGet?" + rawQuery, objectArn));
            case "PUT", "POST" -> {
                out.add(new RolePolicy.Request("s3:PutObject", objectArn));
                if (copySource != null) {
                    String source = decode(copySource.startsWith("/") ? copySource.substring(1) : copySource).replaceFirst("\\?versionId=.*$", "");
                    out.add(new RolePolicy.Request("s3:GetObject", "arn:aws:s3:::" + source));
                }
            }
            case "DELETE" -> out.add(new RolePolicy.Request(query.containsKey("uploadId") ? "s3:AbortMultipartUpload" : "s3:DeleteObject", objectArn));
            default -> out.add(new RolePolicy.Request("s3:Unknown" + method, objectArn));
        }
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String xmlText(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
