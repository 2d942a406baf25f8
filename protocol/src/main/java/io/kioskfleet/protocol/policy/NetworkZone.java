package io.kioskfleet.protocol.policy;

/** Which side of the split local-government network the device may reach. */
public enum NetworkZone {
    LGWAN, INTERNET, BOTH
}
