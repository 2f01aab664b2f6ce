/**
 * The one sanitiser for untrusted text: Markdown from users and the model becomes allow-listed
 * HTML the same way in every view (chat, continued copies, share preview, moderation, public page).
 */
@NamedInterface("markdown")
@NullMarked
package com.chatshare.base.markdown;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
