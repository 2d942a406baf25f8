package io.kioskfleet.console.desks;

import io.kioskfleet.console.RefusalTexts;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.desks.BookingRulesException;
import io.kioskfleet.core.desks.SeriesReport;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a refused desk or loan action into sentences in the user's language for a console page:
 * booking rules by their stable reason ({@code desks.rule.*}), field errors and conflicts as every
 * console form shows them ({@link RefusalTexts}: desk and loan conflicts have their
 * {@code conflict.*} texts too), anything else by its English text.
 */
@Component
public class RefusalMessages {

    private final MessageSource messages;
    private final RefusalTexts texts;

    public RefusalMessages(MessageSource messages, RefusalTexts texts) {
        this.messages = messages;
        this.texts = texts;
    }

    /** The sentences explaining {@code refusal}. */
    public List<String> explain(RuntimeException refusal, Locale locale) {
        if (refusal instanceof BookingRulesException rules) {
            return rules.rules().stream().map(rule -> messages.getMessage("desks.rule." + rule.reason(), rule.args().toArray(),
                rule.message(), locale)).toList();
        }
        if (refusal instanceof InvalidInputException invalid) {
            return invalid.errors().stream().map(error -> texts.field(error) + ": " + texts.message(error)).toList();
        }
        if (refusal instanceof ConflictException conflict) {
            return List.of(texts.conflict(conflict));
        }
        if (refusal instanceof ForbiddenException) {
            return List.of(messages.getMessage("desks.refused.forbidden", null, refusal.getMessage(), locale));
        }
        return List.of(refusal.getMessage());
    }

    /** Why one occurrence of a weekly series was not booked: its rule's or conflict's text. */
    public String explain(SeriesReport.RefusedOccurrence refused, Locale locale) {
        String conflict = messages.getMessage("conflict." + refused.reason(), null, refused.detail(), locale);
        return messages.getMessage("desks.rule." + refused.reason(), refused.args().toArray(), conflict, locale);
    }

    /**
     * Runs {@code action}; when it is refused, the explanation instead.
     *
     * @return null when it went through, else the sentences to show
     */
    public List<String> attempt(Runnable action, Locale locale) {
        try {
            action.run();
            return null;
        } catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException refused) {
            return explain(refused, locale);
        }
    }

    /** The same for an action with a result, which {@code onSuccess} receives. */
    public <T> List<String> attempt(Supplier<T> action, java.util.function.Consumer<T> onSuccess, Locale locale) {
        try {
            onSuccess.accept(action.get());
            return null;
        } catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException refused) {
            return explain(refused, locale);
        }
    }
}
