package com.chatshare.sharing;

/** Whether a link answers. A link taken down by moderation answers 410 until reinstated. */
public enum ShareStatus {
    ACTIVE,
    TAKEN_DOWN
}
