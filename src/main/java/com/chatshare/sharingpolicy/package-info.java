/**
 * The instance's sharing policy (docs/decisions/0016-sharing-policy.md): whether links may be
 * public, the audience new links start with, the longest expiry and whether one is required.
 * {@link com.chatshare.sharingpolicy.SharingPolicyService} reads it for everyone signed in and lets
 * admins change it, audited through {@link com.chatshare.sharingpolicy.SharingPolicyChanged};
 * {@code internal/} keeps it in the table {@code sharing_policy} (which this module owns) and
 * provides sharing's port {@link com.chatshare.sharing.SharingRules}; {@code ui/} is the admins'
 * view.
 *
 * <p>It may use sharing's API (the {@link com.chatshare.sharing.SharingPolicy} record, the port it
 * implements, and {@link com.chatshare.sharing.LinkPolicyEnforcement} to bring existing links in
 * line), security and base. Sharing does not know this module; moderation and audit listen to
 * its event.
 */
@NullMarked
package com.chatshare.sharingpolicy;

import org.jspecify.annotations.NullMarked;
