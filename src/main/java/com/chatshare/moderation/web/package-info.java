/**
 * The public report form ({@code /share/{token}/report}), server-rendered, with its own security chain.
 */
@NullMarked
package com.chatshare.moderation.web;

import org.jspecify.annotations.NullMarked;
