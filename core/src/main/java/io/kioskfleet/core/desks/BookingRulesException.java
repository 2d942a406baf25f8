package io.kioskfleet.core.desks;

import io.kioskfleet.core.input.FieldError;
import io.kioskfleet.core.input.InvalidInputException;
import java.util.List;

/**
 * A booking request breaks the site's rules (a past slot, too far ahead, too many this week, a
 * slot kind the site does not allow): an HTTP caller sees 400 with every field error, the
 * console the same in the user's language.
 */
public class BookingRulesException extends InvalidInputException {

    private final List<BrokenRule> rules;

    public BookingRulesException(List<BrokenRule> rules) {
        super(rules.stream().map(rule -> new FieldError(rule.path(), rule.message(), rule.reason(),
            rule.args().stream().map(String::valueOf).toList())).toList());
        this.rules = List.copyOf(rules);
    }

    /** The rules broken, with their reasons. */
    public List<BrokenRule> rules() {
        return rules;
    }
}
