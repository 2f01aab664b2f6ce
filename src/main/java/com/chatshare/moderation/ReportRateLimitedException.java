package com.chatshare.moderation;

/** Too many reports from one reporter (an address, or an account) in a short time. */
public class ReportRateLimitedException extends RuntimeException {

    public ReportRateLimitedException() {
        super("You have sent many reports in a short time. Please wait a few minutes and try again.");
    }
}
