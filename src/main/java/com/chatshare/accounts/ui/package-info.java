/**
 * Registration, the users view for admins, and appearance (light or dark). Calls the accounts
 * services, never the repositories.
 */
@NullMarked
package com.chatshare.accounts.ui;

import org.jspecify.annotations.NullMarked;
