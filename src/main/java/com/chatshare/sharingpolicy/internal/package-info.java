/**
 * The sharing policy's storage: the one row of {@code sharing_policy} with its locked reads, the
 * configured starting values ({@code chatshare.sharing.max-expiry}, {@code require-expiry}), and
 * sharing's port {@link com.chatshare.sharing.SharingRules} read from that row. Uses JDBC and
 * sharing's API; names no other module's table.
 */
@NullMarked
package com.chatshare.sharingpolicy.internal;

import org.jspecify.annotations.NullMarked;
