package com.chatshare;

import com.vaadin.flow.component.AbstractField;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A value typed or chosen in the browser, for Karibu tests: the field changes as when the browser
 * sends the change ({@code isFromClient()} true), which is how a view tells the person's changes
 * from the ones it makes itself. (Karibu's own {@code _setValue} calls a method Vaadin 25 no
 * longer has.)
 */
public final class UserInput {

    private UserInput() {
    }

    public static <V> void enter(AbstractField<?, V> field, V value) {
        if (!field.isEnabled() || field.isReadOnly() || !field.isVisible()) {
            throw new AssertionError("A person cannot change " + field.getClass().getSimpleName()
                    + ": it is disabled, read-only or hidden");
        }
        try {
            Method setModelValue = AbstractField.class.getDeclaredMethod("setModelValue", Object.class, boolean.class);
            setModelValue.setAccessible(true);
            setModelValue.invoke(field, value, true);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("Vaadin's AbstractField changed: update UserInput", e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
