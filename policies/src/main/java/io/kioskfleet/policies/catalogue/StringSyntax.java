package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;

/** A rule for the text of a value, such as a time of day or a CIDR block. */
public interface StringSyntax {

    /**
     * The one canonical spelling of {@code text}, or {@code null} after reporting at
     * {@code site} why the text is not valid.
     */
    String normalize(String text, ProblemSite site);

    /** A short English description of the accepted texts, for the settings reference. */
    String describe();
}
