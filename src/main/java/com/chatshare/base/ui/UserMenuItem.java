package com.chatshare.base.ui;

/**
 * An entry a feature adds to the user menu of every signed-in view (custom instructions, say).
 * Features provide it as a Spring bean, so base depends on no feature; the layout lists them in
 * their order, before "Sign out".
 */
public interface UserMenuItem {

    /** The entry's words in the menu. */
    String label();

    /** The entry's id, for tests and for the person's assistive technology to find it again. */
    String id();

    /** What choosing the entry does, usually opening a dialog. */
    void select();
}
