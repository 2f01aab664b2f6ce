package com.chatshare.conversations;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The models a chat may be answered by, for the model picker: what the endpoint offers (after the
 * allow-list), and the one a chat uses until its owner picks another.
 *
 * @param problem why the endpoint's list could not be used, fit for the user ("Models could not be
 *     loaded; using …"); then {@code models} holds the default alone
 */
public record ModelOptions(List<String> models, String defaultModel, @Nullable String problem) {

    /** The longest model name kept; longer names in a list are left out. */
    public static final int NAME_MAX_LENGTH = 200;

    public ModelOptions {
        models = List.copyOf(models);
    }

    /** Whether a chat may be answered by this model. */
    public boolean offers(String model) {
        return models.contains(model);
    }

    /** The model a chat that chose {@code chosen} (null: none) is answered by. */
    public String effective(@Nullable String chosen) {
        return chosen == null || problem != null ? defaultModel : chosen;
    }
}
