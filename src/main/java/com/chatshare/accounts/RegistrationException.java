package com.chatshare.accounts;

import java.util.Map;

/** A registration that breaks one or more rules; carries one message per field. */
public class RegistrationException extends RuntimeException {

    private final transient Map<Registration.Field, String> problems;

    public RegistrationException(Map<Registration.Field, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<Registration.Field, String> problems() {
        return problems;
    }
}
