/**
 * Accounts: registration, profile and password changes, the admins' users administration, and
 * {@link com.chatshare.accounts.AccountDirectory} for other features to look names up. Owns
 * {@code app_user} and its role and preference tables; uses security and ratelimit.
 */
@NullMarked
package com.chatshare.accounts;

import org.jspecify.annotations.NullMarked;
