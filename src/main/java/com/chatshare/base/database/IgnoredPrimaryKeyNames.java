package com.chatshare.base.database;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops MariaDB's note that a primary key's name is ignored, which Flyway logs as a warning once
 * per table on every first start ({@code DB: Name 'app_user_pk' ignored for PRIMARY key. (… Error
 * Code: 1280)}): the released migrations name their primary keys as house style asks, MariaDB
 * always calls a primary key {@code PRIMARY}, and a released migration cannot change without
 * changing its checksum. Only that note (error code 1280 from Flyway's script executor) is
 * dropped; every other warning of a migration is still logged. Installed by
 * {@code logback-spring.xml}.
 */
public final class IgnoredPrimaryKeyNames extends TurboFilter {

    static final String SCRIPT_EXECUTOR = "org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor";
    private static final String NOTE = "ignored for PRIMARY key";
    private static final String CODE = "Error Code: 1280)";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (level == Level.WARN && format != null && SCRIPT_EXECUTOR.equals(logger.getName())
                && format.contains(NOTE) && format.endsWith(CODE)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
