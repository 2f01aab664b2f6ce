package com.chatshare.sharing;

/** A sharing request that cannot be done; the message is meant for the user. */
public class ShareException extends RuntimeException {

    public ShareException(String message) {
        super(message);
    }
}
