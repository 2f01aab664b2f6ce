/**
 * The admins' audit log view.
 */
@NullMarked
package com.chatshare.audit.ui;

import org.jspecify.annotations.NullMarked;
