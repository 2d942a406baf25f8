package io.kioskfleet.core.background;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Those told when something happened (a fault reported, a wipe failed). A subscriber's failure
 * is logged and does not fail the change that told it: the change is stored already, and the
 * device that sent it must get its answer.
 *
 * @param <T> what they are told
 */
public final class Subscribers<T> {

    private static final Logger log = LoggerFactory.getLogger(Subscribers.class);

    private final String what;
    private final List<Consumer<T>> subscribers = new CopyOnWriteArrayList<>();

    /** @param what what they are told of, in words, for the log ("fault reported") */
    public Subscribers(String what) {
        this.what = what;
    }

    /** Adds one. */
    public void add(Consumer<T> subscriber) {
        subscribers.add(subscriber);
    }

    /** Tells every subscriber, each on its own. */
    public void tell(T event) {
        for (Consumer<T> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                log.warn("A subscriber to '{}' failed: {}", what, e.toString());
            }
        }
    }
}
