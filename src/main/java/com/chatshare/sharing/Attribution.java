package com.chatshare.sharing;

import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Who a shared snapshot names, in the same words on every view of it (the public page, its
 * Markdown download, the signed-in page, the moderators' detail): "Shared by Alice" or "Shared
 * anonymously".
 *
 * @param sharedBy the name the owner chose to show; null or blank when shared anonymously
 */
public record Attribution(@Nullable String sharedBy) {

    /** The line of a snapshot shared without a name. */
    public static final String ANONYMOUS = "Shared anonymously";
    /** What comes before the name ({@link #namePrefix()}). */
    public static final String SHARED_BY = "Shared by ";

    public boolean isAnonymous() {
        return sharedBy == null || sharedBy.isBlank();
    }

    /** "Shared by " for a named snapshot: the words before the name, for a view that marks the name up itself. */
    public String namePrefix() {
        return SHARED_BY;
    }

    /** "Shared by Alice" or "Shared anonymously", the name as it is. */
    public String line() {
        return line(UnaryOperator.identity());
    }

    /** {@link #line()} with the name written as a format needs it (escaped for Markdown, say). */
    public String line(UnaryOperator<String> name) {
        return sharedBy == null || isAnonymous() ? ANONYMOUS : SHARED_BY + name.apply(sharedBy);
    }
}
