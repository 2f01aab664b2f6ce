package com.chatshare.sharingpolicy.internal;

import com.chatshare.sharing.SharingPolicy;
import com.chatshare.sharing.SharingRules;
import org.springframework.stereotype.Component;

/** Sharing's port to the policy, read from the stored row: what every share and change of links acts under. */
@Component
class StoredSharingRules implements SharingRules {

    private final PolicyStore store;

    StoredSharingRules(PolicyStore store) {
        this.store = store;
    }

    @Override
    public SharingPolicy current() {
        return store.read().policy();
    }

    @Override
    public SharingPolicy holdForShare() {
        return store.readShared().policy();
    }
}
