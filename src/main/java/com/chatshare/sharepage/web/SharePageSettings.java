package com.chatshare.sharepage.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public page.
 *
 * @param warmUpRenderings how many times the page is rendered at start before health says the node
 *     is ready ({@link SharePageWarmUp}); 0 for none
 * @param aheadOfServlets whether Jetty answers known pages from memory ahead of the servlet chain
 *     ({@link KnownPageHandler}, decision 0024); false sends every request through the servlet filter
 */
@ConfigurationProperties("chatshare.share-page")
record SharePageSettings(@DefaultValue("300") int warmUpRenderings, @DefaultValue("true") boolean aheadOfServlets) {
}
