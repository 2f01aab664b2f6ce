/**
 * The sign-in page ({@code GET /login}): a Spring MVC controller and its Thymeleaf template, without
 * Vaadin's client. Uses {@code security}'s {@code SignInDestination} and the throttle's message; no
 * feature.
 */
@NullMarked
package com.chatshare.security.web;

import org.jspecify.annotations.NullMarked;
