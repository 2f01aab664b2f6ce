/**
 * Rate limits that hold for the whole cluster: counters in one MariaDB table that every node
 * counts against together ({@link com.chatshare.ratelimit.SharedCounters}), so N nodes give one
 * allowance, not N. Security's sign-in throttle and the features' limits use it; it depends on
 * none of them. See docs/decisions/0010-shared-rate-limits.md.
 */
@NullMarked
package com.chatshare.ratelimit;

import org.jspecify.annotations.NullMarked;
