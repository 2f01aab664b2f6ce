package com.chatshare.accounts.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin of a production installation, from {@code CHATSHARE_ADMIN_USERNAME} and
 * {@code CHATSHARE_ADMIN_PASSWORD}. Used only while no admin exists.
 */
@ConfigurationProperties("chatshare.admin")
public record AdminBootstrapProperties(String username, String password, String displayName) {

    boolean isConfigured() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "AdminBootstrapProperties[username=" + username + ", password=" + (password == null ? "none" : "(set)")
                + ", displayName=" + displayName + "]";
    }
}
