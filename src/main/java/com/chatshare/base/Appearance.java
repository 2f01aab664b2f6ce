package com.chatshare.base;

/**
 * How the app looks to one person: as their system is set (light or dark), or always light, or
 * always dark. Chosen in the user menu and kept with the account.
 */
public enum Appearance {

    SYSTEM("System"),
    LIGHT("Light"),
    DARK("Dark");

    private final String label;

    Appearance(String label) {
        this.label = label;
    }

    /** The word in the user menu. */
    public String label() {
        return label;
    }
}
