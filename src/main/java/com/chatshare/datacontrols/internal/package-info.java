/**
 * Reading other services' exports for the chat import (decision 0028): the file (a zip or a bare
 * JSON file, its limits), the format told from the content, and one parser per format, each turning
 * one conversation at a time into a {@link com.chatshare.conversations.ImportedChat}. Plain Java and
 * Jackson's streaming parser; uses the conversations API's records only. Only datacontrols uses it.
 */
@NullMarked
package com.chatshare.datacontrols.internal;

import org.jspecify.annotations.NullMarked;
