/**
 * Spring Security set-up, roles, {@link com.chatshare.security.CurrentUser}, the sign-in throttle,
 * client addresses behind proxies, the access log and the actuator's chain. Depends on no feature:
 * features ask it who is signed in; the accounts module provides the users.
 */
@NullMarked
package com.chatshare.security;

import org.jspecify.annotations.NullMarked;
