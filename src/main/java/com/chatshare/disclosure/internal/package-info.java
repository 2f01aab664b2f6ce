/**
 * The rules behind {@link com.chatshare.disclosure.SnapshotCheck}: the scanner that runs them
 * ({@code SensitiveText}), secrets ({@code CredentialRules}), personal data
 * ({@code PersonalDataRules}) and how findings are masked ({@code Masks}). Used only by the
 * module's root package; like it, depends on nothing in the application and on no Spring class.
 */
@NullMarked
package com.chatshare.disclosure.internal;

import org.jspecify.annotations.NullMarked;
