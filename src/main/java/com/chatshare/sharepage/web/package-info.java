/**
 * The share page's servlet filter ({@code /share/TOKEN}, {@code /share/TOKEN.md}), the Jetty
 * handler ahead of the servlet context that answers known pages from memory with the filter's
 * rules and code (decision 0024), the Markdown
 * it writes for the download, and the configuration that registers both before Spring Security
 * with a stateless chain for the page's style sheet. Uses the page's {@code internal} package
 * and sharing's public API.
 */
@NullMarked
package com.chatshare.sharepage.web;

import org.jspecify.annotations.NullMarked;
