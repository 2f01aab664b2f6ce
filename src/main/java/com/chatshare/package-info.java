/**
 * The application: one Spring Boot backend with a Java-only Vaadin UI. Each package below is a
 * module (Spring Modulith): its root package is its API, {@code internal}, {@code ui} and
 * {@code web} beneath it are its own. {@code ArchitectureTest} keeps the rules true.
 */
@NullMarked
package com.chatshare;

import org.jspecify.annotations.NullMarked;
