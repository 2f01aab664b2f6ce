package com.chatshare;

import com.chatshare.security.ClientAddress;
import java.net.InetAddress;

/** Client addresses for tests, written as literals. */
public final class Addresses {

    private Addresses() {
    }

    /** The address a literal names; fails the test for anything that is none. */
    public static InetAddress address(String literal) {
        return ClientAddress.parse(literal).orElseThrow(() -> new IllegalArgumentException("not an address: " + literal));
    }
}
