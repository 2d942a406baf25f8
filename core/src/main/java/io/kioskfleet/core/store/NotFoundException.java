package io.kioskfleet.core.store;

/** A thing asked for by id does not exist (an HTTP caller sees 404). */
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super("no " + kind + " with id " + id);
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
