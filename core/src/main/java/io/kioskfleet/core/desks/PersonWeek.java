package io.kioskfleet.core.desks;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The bookings one person holds in one ISO week, so the weekly limit is one {@code _id} read and
 * write instead of reading the seven dates (see {@link PersonWeeks}).
 *
 * @param id       {@code user@2026-W48}
 * @param bookings the ids of the bookings of that week that hold (or are about to hold) a desk
 */
public record PersonWeek(@BsonId String id, List<String> bookings) {
}
