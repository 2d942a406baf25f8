package io.kioskfleet.agent;

import io.kioskfleet.protocol.checkin.Inventory;
import java.io.File;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** What this machine can tell about itself for a check-in, read from the JVM and the file system. */
final class LocalInventory {

    private LocalInventory() {
    }

    /** The inventory now; {@code desk} is where the device says it is, if known. */
    static Inventory read(String agentVersion, String desk) {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        return new Inventory(System.getProperty("os.arch"), os, agentVersion, new File("/").getUsableSpace(), null,
            localAddress(), desk);
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
