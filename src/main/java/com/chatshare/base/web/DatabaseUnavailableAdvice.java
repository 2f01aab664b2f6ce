package com.chatshare.base.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.transaction.TransactionException;

/**
 * A server-rendered page (the report form) whose database did not answer: down, or hung until the
 * driver's socket timeout, or no pooled connection within Hikari's connection timeout. The reader
 * gets 503 with {@code Retry-After} and the error page's "try again" words, never a stack trace;
 * the log gets one WARN line, not a stack trace per request for as long as the outage lasts.
 */
@ControllerAdvice
class DatabaseUnavailableAdvice {

    static final String RETRY_AFTER_SECONDS = "30";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ModelAndView databaseUnavailable(RuntimeException failure, HttpServletRequest request,
            HttpServletResponse response) {
        log.warn("The database did not answer {} {}: {}", request.getMethod(), request.getRequestURI().replaceAll(
                "/share/[^/]+", "/share/…"), failure.getMessage());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        return new ModelAndView("error", Map.of("status", HttpStatus.SERVICE_UNAVAILABLE.value()),
                HttpStatus.SERVICE_UNAVAILABLE);
    }
}
