package io.kioskfleet.console.ous;

import io.kioskfleet.core.ous.OuDraft;

/**
 * The body of a create or change request for an organisation unit.
 *
 * @param version the version the caller read; required when changing, ignored when creating
 */
public record OuRequest(String name, String parentId, String address, Integer travelMinutes, Long version) {

    OuDraft draft() {
        return new OuDraft(name, parentId, address, travelMinutes);
    }
}
