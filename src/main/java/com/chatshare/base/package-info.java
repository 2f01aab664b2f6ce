/**
 * What every feature shares and that knows no feature: the app shell's appearance, the clock,
 * scheduling, and the caching of Vaadin's bundle files. Its sub-packages (database, demo,
 * markdown, ui, web) are named interfaces the features may use.
 */
@NullMarked
package com.chatshare.base;

import org.jspecify.annotations.NullMarked;
