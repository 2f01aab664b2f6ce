package com.chatshare.base.ui;

import com.chatshare.base.Appearance;

/**
 * Where the signed-in person's {@link Appearance} is kept. A feature that stores account data
 * provides it as a Spring bean, so base depends on no feature; without one, the app follows the
 * system setting and the user menu offers no choice.
 */
public interface AppearancePreference {

    /** The signed-in person's choice; {@link Appearance#SYSTEM} for anyone else or when none was made. */
    Appearance current();

    /** Keeps the signed-in person's choice for their next visits, in any browser. */
    void choose(Appearance appearance);
}
