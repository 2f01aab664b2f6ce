package com.chatshare.base.ui;

import com.vaadin.flow.router.NotFoundException;

/**
 * Raised by a view (with {@code event.rerouteToError(new PageNotFoundException(…), …)}) to show the
 * not-found page with a sentence of its own, such as "This conversation does not exist.". Only
 * these sentences are shown: the router's own not-found and access-denied messages are not, since
 * they name addresses and rules.
 */
public class PageNotFoundException extends NotFoundException {

    public PageNotFoundException(String sentence) {
        super(sentence);
    }
}
