package com.chatshare.sharing;

/** Whether a shared page names its owner. Anonymous is the default. */
public enum ShareVisibility {
    NAMED,
    ANONYMOUS
}
