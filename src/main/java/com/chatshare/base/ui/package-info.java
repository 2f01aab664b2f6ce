/**
 * The frame of the UI: app shell, main layout, error view, and {@link com.chatshare.base.ui.HasDrawerContent}
 * for views that add to the drawer.
 */
@NamedInterface("ui")
@NullMarked
package com.chatshare.base.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
