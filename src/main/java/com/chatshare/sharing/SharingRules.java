package com.chatshare.sharing;

/**
 * The instance's sharing policy as sharing needs it: which audiences a link may have, which one a
 * new link starts with, and the expiry rules (docs/decisions/0016-sharing-policy.md). Sharing
 * defines this port and acts under what it returns; the sharing-policy module provides it (and
 * its admin view), without sharing depending on that module.
 *
 * <p>Both methods read the policy in force in the caller's transaction; neither caches it.
 */
public interface SharingRules {

    /** The policy as it is now: a plain read, for showing it (the dialogs, the links grid). */
    SharingPolicy current();

    /**
     * The policy that a share or a change of links acts under, read with a shared lock held to the
     * end of the caller's transaction. Call it before locking any link: a policy change locks the
     * policy first and then rewrites the links, so a share that read the old policy commits before
     * the change applies, and a later one reads the new policy (same lock order everywhere, so no
     * deadlock).
     */
    SharingPolicy holdForShare();
}
