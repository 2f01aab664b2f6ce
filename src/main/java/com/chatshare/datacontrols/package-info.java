/**
 * Settings → Data controls: what an owner may export and delete. Owns no table; uses the
 * sharing, conversations and accounts APIs.
 */
@NullMarked
package com.chatshare.datacontrols;

import org.jspecify.annotations.NullMarked;
