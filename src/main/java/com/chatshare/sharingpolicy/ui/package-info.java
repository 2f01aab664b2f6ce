/**
 * The admins' sharing-policy view ({@code /admin/sharing-policy}); calls
 * {@link com.chatshare.sharingpolicy.SharingPolicyService} only.
 */
@NullMarked
package com.chatshare.sharingpolicy.ui;

import org.jspecify.annotations.NullMarked;
