/**
 * The chat view: the chat list in the drawer (with its search and row menu), messages, the composer
 * and the header with Share.
 * Calls conversations' services and the ports sharing implements.
 */
@NullMarked
package com.chatshare.conversations.ui;

import org.jspecify.annotations.NullMarked;
