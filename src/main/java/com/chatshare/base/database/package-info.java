/**
 * The embedded MariaDB for a first run and for tests, and the condition other features use to
 * add demo data only there.
 */
@NamedInterface("database")
package com.chatshare.base.database;

import org.springframework.modulith.NamedInterface;
