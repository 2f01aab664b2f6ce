/**
 * Moderation's tables, its audit trail events, its retention job and meters. Only moderation uses it.
 */
@NullMarked
package com.chatshare.moderation.internal;

import org.jspecify.annotations.NullMarked;
