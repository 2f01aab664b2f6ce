package com.chatshare.accounts;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who can sign in. The limits on its fields are constants here so the registration
 * form and the service check the same rules.
 */
@Entity
@Table(name = "app_user")
public class Account {

    public static final int USERNAME_MIN_LENGTH = 3;
    public static final int USERNAME_MAX_LENGTH = 32;
    /** Only canonical names (see {@code security.Usernames}) match: sign-in finds them in any spelling. */
    public static final Pattern USERNAME_PATTERN = Pattern.compile("[a-z0-9._-]+");
    public static final int DISPLAY_NAME_MAX_LENGTH = 80;
    public static final int PASSWORD_MIN_LENGTH = 10;
    /** BCrypt looks at no more than 72 bytes; longer passwords would be silently cut. */
    public static final int PASSWORD_MAX_LENGTH = 72;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = USERNAME_MAX_LENGTH)
    private String username;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX_LENGTH)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    /** Goes up with every password change; sessions signed in with an older value end. */
    @Column(name = "credentials_version", nullable = false)
    private long credentialsVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false)
    private Set<String> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Account() {
    }

    public Account(String username, String displayName, String passwordHash, Set<String> roles, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = new HashSet<>(roles);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public long getCredentialsVersion() {
        return credentialsVersion;
    }

    /** Replaces the password; every session signed in with the old one is to end. */
    public void changePassword(String newPasswordHash, Instant now) {
        passwordHash = newPasswordHash;
        credentialsVersion++;
        updatedAt = now;
    }

    public Set<String> getRoles() {
        return Set.copyOf(roles);
    }

    /** @return whether anything changed */
    public boolean setRole(String role, boolean granted, Instant now) {
        boolean changed = granted ? roles.add(role) : roles.remove(role);
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    /** @return whether anything changed */
    public boolean setEnabled(boolean enabled, Instant now) {
        boolean changed = this.enabled != enabled;
        if (changed) {
            this.enabled = enabled;
            updatedAt = now;
        }
        return changed;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
