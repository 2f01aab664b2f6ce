/**
 * The conversations' tables, the search in them ({@code ChatSearch}, {@code SearchWords}), the assistants (offline demo, OpenAI-compatible) and the streaming
 * and storing of answers. Only the conversations module uses it.
 */
@NullMarked
package com.chatshare.conversations.internal;

import org.jspecify.annotations.NullMarked;
