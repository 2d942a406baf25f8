package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceNode;
import io.kioskfleet.policies.source.SourceScalar;

/** Narrowing of source nodes to scalars, shared by the setting types that hold one. */
final class Scalars {

    private Scalars() {
    }

    /** The scalar, or {@code null} after reporting under {@code code} that it is not one. */
    static SourceScalar scalar(SourceNode node, ProblemSite site, String code) {
        if (node instanceof SourceScalar scalar && !scalar.isNull()) {
            return scalar;
        }
        return site.report(code);
    }

    /** The unquoted scalar, for numbers and booleans that quoting would turn into text. */
    static SourceScalar plainScalar(SourceNode node, ProblemSite site, String code) {
        SourceScalar scalar = scalar(node, site, code);
        return scalar == null || scalar.plain() ? scalar : site.report(code);
    }
}
