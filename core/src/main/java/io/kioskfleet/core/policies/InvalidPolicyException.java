package io.kioskfleet.core.policies;

import io.kioskfleet.core.input.FieldError;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import java.util.List;

/**
 * A policy text or device exception was refused for its problems; every problem is listed with its
 * path and both languages (an HTTP caller sees 400).
 */
public class InvalidPolicyException extends InvalidInputException {

    private final List<PolicyProblem> problems;

    public InvalidPolicyException(List<PolicyProblem> problems) {
        super(problems.stream().map(p -> FieldError.of(p.path(), Rule.POLICY, p.message(), p.messageJa())).toList());
        this.problems = List.copyOf(problems);
    }

    /** Every problem, with code, position and the Japanese message. */
    public List<PolicyProblem> problems() {
        return problems;
    }
}
