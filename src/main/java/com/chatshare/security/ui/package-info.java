/**
 * The sign-in page. May use security's API and base's UI pieces.
 */
@NullMarked
package com.chatshare.security.ui;

import org.jspecify.annotations.NullMarked;
