package io.merx.rest.internal;

import java.util.Set;

/**
 * An authenticated user and the JAAS roles they hold.
 *
 * @param user the user name
 * @param roles role names, e.g. {@code merx-scorer}
 */
record Caller(String user, Set<String> roles) {

    Caller {
        roles = Set.copyOf(roles);
    }

    boolean may(Role role) {
        return role.grantedTo(roles);
    }
}
