package com.chatshare.audit;

/** What an audit entry records. */
public enum AuditAction {
    ACCOUNT_REGISTERED,
    ACCOUNT_DELETED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    PASSWORD_CHANGED,
    ROLE_GRANTED,
    ROLE_REVOKED,
    CONVERSATION_DELETED,
    ALL_CONVERSATIONS_DELETED,
    LINK_CREATED,
    LINK_UPDATED,
    LINK_DELETED,
    LINKS_BULK_DELETED,
    CONVERSATION_CONTINUED,
    REPORT_FILED,
    REPORTS_DISMISSED,
    LINK_TAKEN_DOWN,
    LINK_REINSTATED,
    REVIEW_REQUESTED,
    REVIEW_DECIDED,
    TAKEDOWNS_PURGED,
    SHARING_POLICY_CHANGED,
    /** A moderator read a link for specific people (allowed once one of its readers reported it). */
    RESTRICTED_LINK_OPENED
}
