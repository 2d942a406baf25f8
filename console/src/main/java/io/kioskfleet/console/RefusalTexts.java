package io.kioskfleet.console;

import io.kioskfleet.core.input.FieldError;
import io.kioskfleet.core.store.ConflictException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Says why the core refused something, in the console user's language: a field error as its
 * rule's text from the bundles ({@code input.<code>}) with the error's arguments and the field's
 * name ({@code field.<path>}) where the bundles name it, and a conflict by its reason
 * ({@code conflict.<reason>}). Templates call it as {@code ${@refusalTexts.message(error)}}.
 */
@Component
public class RefusalTexts {

    private static final Pattern LIST_ITEM = Pattern.compile("([A-Za-z]+)\\[(\\d{1,4})]");

    private final MessageSource messages;

    public RefusalTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** What is wrong, in the current request's language; the English text if the bundles lack the code. */
    public String message(FieldError error) {
        return messages.getMessage("input." + error.code(), error.args().toArray(), error.message(),
            LocaleContextHolder.getLocale());
    }

    /** Why a change conflicted with the stored state; the English text if the bundles lack the reason. */
    public String conflict(ConflictException conflict) {
        return messages.getMessage("conflict." + conflict.reason(), null, conflict.getMessage(),
            LocaleContextHolder.getLocale());
    }

    /** The field's name as the form calls it, or its path when the bundles have no name for it. */
    public String field(FieldError error) {
        Matcher item = LIST_ITEM.matcher(error.path());
        if (item.matches()) {
            // One item of a list (the second tag): the list's name and the item's place, counted from 1.
            String list = messages.getMessage("field." + item.group(1), null, item.group(1), LocaleContextHolder.getLocale());
            return list + " " + (Integer.parseInt(item.group(2)) + 1);
        }
        return messages.getMessage("field." + error.path(), null, error.path(), LocaleContextHolder.getLocale());
    }
}
