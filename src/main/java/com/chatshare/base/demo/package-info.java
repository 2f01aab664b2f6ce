/**
 * Demo mode ({@code chatshare.demo}, {@code CHATSHARE_DEMO=true}): the switch for demo accounts
 * and content with known passwords, which {@code ./mvnw} turns on and {@code java -jar} does not.
 */
@NamedInterface("demo")
@NullMarked
package com.chatshare.base.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
