/**
 * Rate limits that hold for the whole cluster: counters in one MariaDB table that every node
 * counts against together ({@link com.chatshare.base.ratelimit.SharedCounters}), so N nodes give
 * one allowance, not N. See docs/decisions/0010-shared-rate-limits.md.
 */
@NamedInterface("ratelimit")
package com.chatshare.base.ratelimit;

import org.springframework.modulith.NamedInterface;
