/**
 * The counters' table and its expiry job. Only the ratelimit module uses it.
 */
@NullMarked
package com.chatshare.ratelimit.internal;

import org.jspecify.annotations.NullMarked;
