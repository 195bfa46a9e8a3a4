package org.geneassoc.cdk.rehearsal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthesised template's values as a deployment in one account and region would resolve them: the bucket gets
 * a name, the secret an ARN, pseudo parameters their values. Only what the job role's policy and the stack's
 * outputs use is resolved; anything else fails loudly, so the rehearsal never checks against a guess.
 */
final class TemplateValues {
    static final String REGION = "eu-west-1";
    static final String ACCOUNT = "123456789012";

    private final Map<String, Object> resources;
    private final String bucketName;

    TemplateValues(Map<String, Object> template, String bucketName) {
        this.resources = map(template.get("Resources"));
        this.bucketName = bucketName;
    }

    String bucketName() {
        return bucketName;
    }

    /** The one resource of this type whose properties contain {@code marker} anywhere (as text). */
    String logicalId(String type, String marker) {
        List<String> ids = new ArrayList<>();
        resources.forEach((id, r) -> {
            if (type.equals(map(r).get("Type")) && String.valueOf(r).contains(marker)) {
                ids.add(id);
            }
        });
        if (ids.size() != 1) {
            throw new IllegalStateException("Expected one " + type + " mentioning " + marker + ", found " + ids);
        }
        return ids.get(0);
    }

    List<String> idsOfType(String type) {
        return resources.entrySet().stream().filter(e -> type.equals(map(e.getValue()).get("Type"))).map(Map.Entry::getKey).toList();
    }

    Map<String, Object> properties(String logicalId) {
        return map(map(resources.get(logicalId)).get("Properties"));
    }

    @SuppressWarnings("unchecked")
    Object resolve(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value == null) {
            return value;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::resolve).toList();
        }
        Map<String, Object> m = (Map<String, Object>) value;
        if (m.size() == 1 && m.containsKey("Ref")) {
            return ref((String) m.get("Ref"));
        }
        if (m.size() == 1 && m.containsKey("Fn::GetAtt")) {
            List<Object> att = (List<Object>) m.get("Fn::GetAtt");
            return getAtt((String) att.get(0), (String) att.get(1));
        }
        if (m.size() == 1 && m.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) m.get("Fn::Join");
            StringBuilder sb = new StringBuilder();
            List<Object> parts = (List<Object>) join.get(1);
            for (int i = 0; i < parts.size(); i++) {
                sb.append(i == 0 ? "" : join.get(0)).append(resolve(parts.get(i)));
            }
            return sb.toString();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, resolve(v)));
        return out;
    }

    String resolveText(Object value) {
        return (String) resolve(value);
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Partition":
                return "aws";
            case "AWS::Region":
                return REGION;
            case "AWS::AccountId":
                return ACCOUNT;
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        String type = (String) map(resources.get(name)).get("Type");
        if ("AWS::S3::Bucket".equals(type)) {
            return bucketName;
        }
        if ("AWS::SecretsManager::Secret".equals(type)) {
            return "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + name + "-AbCdEf";
        }
        if ("AWS::EMRServerless::Application".equals(type)) {
            return "00rehearsal";
        }
        throw new IllegalStateException("The rehearsal cannot resolve Ref " + name + " (" + type + ")");
    }

    private Object getAtt(String id, String attribute) {
        String type = (String) map(resources.get(id)).get("Type");
        if ("AWS::S3::Bucket".equals(type) && attribute.equals("Arn")) {
            return "arn:aws:s3:::" + bucketName;
        }
        if ("AWS::IAM::Role".equals(type) && attribute.equals("Arn")) {
            return "arn:aws:iam::" + ACCOUNT + ":role/" + id;
        }
        if ("AWS::EMRServerless::Application".equals(type)) {
            return attribute.equals("Arn") ? "arn:aws:emr-serverless:" + REGION + ":" + ACCOUNT + ":/applications/00rehearsal" : "00rehearsal";
        }
        throw new IllegalStateException("The rehearsal cannot resolve Fn::GetAtt " + id + "." + attribute + " (" + type + ")");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }
}
