package io.merx.rest.internal;

import java.util.Set;

/**
 * What a caller may do. {@code merx-admin} implies every other role and {@code merx-operator} implies
 * {@code merx-viewer}; {@code merx-scorer} only scores (a shop front-end's credentials should not deploy).
 */
enum Role {
    /** Health probes and the OpenAPI document: no credentials needed. */
    PUBLIC(""),
    /** Read models, versions, jobs and metrics. */
    VIEWER("merx-viewer"),
    /** Score and infer. */
    SCORER("merx-scorer"),
    /** Model metadata, which inference clients read before they infer: viewers and scorers. */
    METADATA("merx-viewer or merx-scorer"),
    /** Train, import, export, activate, roll back, aliases, canary and shadow. */
    OPERATOR("merx-operator"),
    /** Everything, including deleting versions. */
    ADMIN("merx-admin");

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    /** The JAAS role name, e.g. {@code merx-viewer}. */
    String roleName() {
        return roleName;
    }

    /** Whether a caller holding these JAAS roles may act with this role. */
    boolean grantedTo(Set<String> roles) {
        return switch (this) {
            case PUBLIC -> true;
            case ADMIN -> roles.contains(ADMIN.roleName);
            case OPERATOR -> roles.contains(OPERATOR.roleName) || roles.contains(ADMIN.roleName);
            case VIEWER -> roles.contains(VIEWER.roleName) || roles.contains(OPERATOR.roleName)
                    || roles.contains(ADMIN.roleName);
            case SCORER -> roles.contains(SCORER.roleName) || roles.contains(ADMIN.roleName);
            case METADATA -> VIEWER.grantedTo(roles) || SCORER.grantedTo(roles);
        };
    }
}
