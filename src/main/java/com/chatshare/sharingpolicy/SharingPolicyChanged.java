package com.chatshare.sharingpolicy;

import java.util.List;

/**
 * An admin saved the sharing policy; published in the transaction that applied it to the links.
 * The audit log records it; moderation stores the notices under each owner's bell.
 *
 * @param changes what changed, as "setting: old → new" (empty when a first save kept the
 *        configured values)
 * @param linksMadeSignedIn public links that became signed-in only (public links turned off)
 * @param expiriesShortened links whose expiry was brought down to the new maximum
 * @param notices one per owner whose listed links changed
 */
public record SharingPolicyChanged(List<String> changes, int linksMadeSignedIn, int expiriesShortened,
        List<PolicyNotice> notices) {

    /** What a sharing-policy change tells one owner about their links, in words meant for them. */
    public record PolicyNotice(long ownerId, String message) {
    }
}
