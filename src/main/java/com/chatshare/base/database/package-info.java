/**
 * The embedded MariaDB for a first run, small installations and tests, and the condition that
 * starts it only when no external database is configured.
 */
@NamedInterface("database")
@NullMarked
package com.chatshare.base.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
