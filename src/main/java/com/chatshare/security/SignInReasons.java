package com.chatshare.security;

import java.util.Optional;

/**
 * Why someone is asked to sign in, told by the feature that owns the address they were on their
 * way to: the purpose in "Sign in to continue “Banana bread”". The sign-in and registration pages ask it, so a
 * visitor sees what signing in is for; features provide it without this package knowing them.
 */
public interface SignInReasons {

    /**
     * The purpose ("continue “Banana bread”", lower case, no full stop) for a visitor on their way to this path (relative to the application, with a
     * leading slash, no query), or empty when this feature has nothing to say about it. It must
     * reveal nothing that the path's address alone does not already show to anyone.
     */
    Optional<String> purpose(String path);
}
