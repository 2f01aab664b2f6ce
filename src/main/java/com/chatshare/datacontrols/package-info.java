/**
 * Settings → Data controls: what an owner may export, import (chats from ChatGPT, Claude or Chatshare exports, {@link
 * com.chatshare.datacontrols.ChatImport}) and delete. Owns no table; uses the
 * sharing, conversations and accounts APIs.
 */
@NullMarked
package com.chatshare.datacontrols;

import org.jspecify.annotations.NullMarked;
