/**
 * The audit trail: who did what to which link or account, recorded from other modules' events.
 * Owns {@code audit_entry}; depends on the APIs whose events it records.
 */
@NullMarked
package com.chatshare.audit;

import org.jspecify.annotations.NullMarked;
