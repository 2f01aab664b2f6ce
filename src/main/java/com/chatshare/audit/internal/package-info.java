/**
 * The audit table and the listener that records events. Only audit uses it.
 */
@NullMarked
package com.chatshare.audit.internal;

import org.jspecify.annotations.NullMarked;
