package io.aide.gateway.service;

import java.util.Set;

/** Who calls: user name, tenant (token claim {@code tenant}) and realm roles. */
public record Caller(String user, String tenant, Set<String> roles) {
    public static final String CONTEXT_KEY = "aide.caller";
}
