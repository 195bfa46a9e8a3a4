package org.geneassoc.cdk.rehearsal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The statements of the policies a synthesised template attaches to one role, resolved, and IAM's answer for a
 * request: allowed when an Allow statement matches action, resource and conditions and no Deny statement
 * matches. Covers the condition operators this stack uses (StringLike, StringEquals); a statement with any
 * other operator never matches, so an unknown condition can only make the rehearsal stricter than AWS.
 */
final class RolePolicy {
    /** One request as IAM sees it: the action, the resource ARN, and condition keys (such as {@code s3:prefix}). */
    record Request(String action, String resource, Map<String, String> context) {
        Request(String action, String resource) {
            this(action, resource, Map.of());
        }
    }

    private record Statement(boolean allow, List<String> actions, List<String> resources, Map<String, Object> conditions) {
    }

    private final List<Statement> statements = new ArrayList<>();

    @SuppressWarnings("unchecked")
    static RolePolicy of(TemplateValues template, String roleLogicalId) {
        RolePolicy policy = new RolePolicy();
        int policies = 0;
        for (String id : template.idsOfType("AWS::IAM::Policy")) {
            Map<String, Object> props = template.properties(id);
            List<Object> roles = (List<Object>) props.getOrDefault("Roles", List.of());
            if (roles.stream().noneMatch(role -> roleLogicalId.equals(TemplateValues.map(role).get("Ref")))) {
                continue;
            }
            policies++;
            Map<String, Object> doc = (Map<String, Object>) template.resolve(props.get("PolicyDocument"));
            for (Object s : (List<Object>) doc.get("Statement")) {
                Map<String, Object> st = (Map<String, Object>) s;
                policy.statements.add(new Statement("Allow".equals(st.get("Effect")), list(st.get("Action")), list(st.get("Resource")),
                        TemplateValues.map(st.get("Condition"))));
            }
        }
        if (policies == 0) {
            throw new IllegalStateException("No AWS::IAM::Policy is attached to " + roleLogicalId);
        }
        return policy;
    }

    boolean allows(Request r) {
        boolean allowed = false;
        for (Statement s : statements) {
            if (matches(s, r)) {
                if (!s.allow) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }

    private static boolean matches(Statement s, Request r) {
        return s.actions.stream().anyMatch(a -> wildcard(a, true).matcher(r.action).matches())
                && s.resources.stream().anyMatch(p -> wildcard(p, false).matcher(r.resource).matches())
                && conditionsHold(s.conditions, r.context);
    }

    @SuppressWarnings("unchecked")
    private static boolean conditionsHold(Map<String, Object> conditions, Map<String, String> context) {
        for (Map.Entry<String, Object> op : conditions.entrySet()) {
            boolean like = op.getKey().equals("StringLike");
            if (!like && !op.getKey().equals("StringEquals")) {
                return false;
            }
            for (Map.Entry<String, Object> key : ((Map<String, Object>) op.getValue()).entrySet()) {
                String actual = context.get(key.getKey());
                if (actual == null || list(key.getValue()).stream()
                        .noneMatch(v -> like ? wildcard(v, false).matcher(actual).matches() : v.equals(actual))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Pattern wildcard(String pattern, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (String part : pattern.split("((?<=[*?])|(?=[*?]))")) {
            re.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
        }
        return Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    private static List<String> list(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(o));
    }
}
