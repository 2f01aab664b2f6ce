/**
 * The accounts' tables (JPA and repository), sign-in's user details, demo and bootstrap accounts.
 * Only the accounts module uses it.
 */
@NullMarked
package com.chatshare.accounts.internal;

import org.jspecify.annotations.NullMarked;
