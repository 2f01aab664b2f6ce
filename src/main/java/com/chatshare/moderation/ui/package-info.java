/**
 * The moderation view, the reader's report form for restricted links, the notices bell and
 * dialogs. Calls moderation's services.
 */
@NullMarked
package com.chatshare.moderation.ui;

import org.jspecify.annotations.NullMarked;
