/**
 * The data-controls view with its archived chats and the import of chats, and the shared-links page with its grid, toolbar and row actions. Calls
 * sharing's and conversations' services, never their internals.
 */
@NullMarked
package com.chatshare.datacontrols.ui;

import org.jspecify.annotations.NullMarked;
