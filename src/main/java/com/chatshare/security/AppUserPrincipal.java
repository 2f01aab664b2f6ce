package com.chatshare.security;

import java.io.Serial;
import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as Spring Security holds them: enough to identify the account and greet
 * them, nothing more. Built by the accounts feature; read through {@link CurrentUser}.
 */
public final class AppUserPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How Spring Security tells roles from other authorities. */
    static final String ROLE_PREFIX = "ROLE_";

    private final long userId;
    private final String username;
    private final String displayName;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final Set<String> roles;
    private final long credentialsVersion;

    /**
     * @param credentialsVersion the account's count of password changes when this session signed
     *        in; a session with an older count than the account's is ended
     */
    public AppUserPrincipal(long userId, String username, String displayName, String passwordHash,
            boolean enabled, Set<String> roles, long credentialsVersion) {
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.roles = Set.copyOf(roles);
        this.credentialsVersion = credentialsVersion;
    }

    public long userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public long credentialsVersion() {
        return credentialsVersion;
    }

    /** The same person with other roles, for a session whose account's roles changed. */
    AppUserPrincipal withRoles(Set<String> newRoles) {
        return new AppUserPrincipal(userId, username, displayName, null, enabled, newRoles, credentialsVersion);
    }

    /** The same person, for the session that changed the account's password. */
    AppUserPrincipal withCredentialsVersion(long newCredentialsVersion) {
        return new AppUserPrincipal(userId, username, displayName, null, enabled, roles, newCredentialsVersion);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(ROLE_PREFIX + role)).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppUserPrincipal other && other.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "AppUserPrincipal[" + userId + ", " + username + ", " + roles + "]";
    }

    /** Spring Security drops the password hash once authentication is done. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

}
