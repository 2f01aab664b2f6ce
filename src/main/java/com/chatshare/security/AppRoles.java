package com.chatshare.security;

/**
 * The roles of Chatshare. Spring Security sees them with the {@code ROLE_} prefix; views use the
 * bare names in {@code @RolesAllowed}.
 */
public final class AppRoles {

    public static final String USER = "USER";
    public static final String MODERATOR = "MODERATOR";
    public static final String ADMIN = "ADMIN";

    private AppRoles() {
    }
}
