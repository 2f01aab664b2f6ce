/**
 * The check before sharing: {@link com.chatshare.disclosure.SnapshotCheck} finds what looks like a
 * secret or personal data in a snapshot's messages, so the share dialog can warn next to each
 * message (decision 0014). Its root package is the API other modules may use; the rules behind it
 * are in {@code internal}.
 *
 * <p>It depends on nothing in the application (no other {@code com.chatshare} module, not even
 * {@code base}) and on no Spring class: only the JDK, Google's libphonenumber, Apache Commons
 * Validator and JSpecify. It keeps no state beyond immutable rules, so it can be used from any
 * thread and in plain unit tests.
 */
@NullMarked
package com.chatshare.disclosure;

import org.jspecify.annotations.NullMarked;
