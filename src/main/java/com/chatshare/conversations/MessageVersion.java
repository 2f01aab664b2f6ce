package com.chatshare.conversations;

/**
 * Which version of a message is on screen: {@code number} of {@code count} (1-based), for the
 * "‹ 2 / 3 ›" switcher. Versions are the messages with the same parent: an edited question, a
 * regenerated answer.
 */
public record MessageVersion(int number, int count) {

    public boolean hasOthers() {
        return count > 1;
    }

    @Override
    public String toString() {
        return number + " / " + count;
    }
}
