package io.kioskfleet.core.loans;

import java.time.Instant;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A laptop in a site's lending pool, keyed by its device id: whether it is out (and on which
 * loan) and the last session the device reported, so a check-out needs no session search.
 *
 * @param deviceId             the device ({@code dev_…})
 * @param siteId               the pool's site
 * @param ouId                 the site's unit
 * @param label                what is written on it (asset tag or serial)
 * @param loan                 the open loan, or null while it is in the pool
 * @param lastSessionId        the newest session the device reported, or null
 * @param lastSessionStartedAt when that session started, or null
 * @param version              optimistic-concurrency version
 */
public record PoolLaptop(@BsonId String deviceId, String siteId, String ouId, String label, Loan loan,
                         String lastSessionId, Instant lastSessionStartedAt, long version) {

    public PoolLaptop {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(siteId, "siteId");
    }

    /** True while it is lent out. */
    public boolean out() {
        return loan != null;
    }

    PoolLaptop lent(Loan newLoan) {
        return new PoolLaptop(deviceId, siteId, ouId, label, newLoan, lastSessionId, lastSessionStartedAt, version + 1);
    }

    PoolLaptop back() {
        return new PoolLaptop(deviceId, siteId, ouId, label, null, lastSessionId, lastSessionStartedAt, version + 1);
    }
}
