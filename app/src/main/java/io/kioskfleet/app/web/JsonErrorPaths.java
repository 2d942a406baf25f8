package io.kioskfleet.app.web;

import io.kioskfleet.core.input.FieldError;
import io.kioskfleet.core.input.Rule;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Says, for a request body Jackson could not read, where in the JSON it went wrong and why. */
final class JsonErrorPaths {

    private JsonErrorPaths() {
    }

    /** The field error for {@code e}; path {@code $} when it is about the whole body. */
    static FieldError describe(JacksonException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return FieldError.of(path, Rule.UNKNOWN_FIELD, unknown.getPropertyName());
        }
        if (e instanceof InvalidNullException) {
            return FieldError.of(path, Rule.NULL);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return typeError(path, mismatch.getTargetType());
        }
        if (e instanceof StreamReadException) {
            var location = e.getLocation();
            return location == null ? FieldError.of("$", Rule.MALFORMED_JSON, "?", "?")
                : FieldError.of("$", Rule.MALFORMED_JSON, location.getLineNr(), location.getColumnNr());
        }
        return FieldError.of(path, Rule.UNREADABLE, e.getOriginalMessage().lines().findFirst().orElse(""));
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** The error for a value at {@code path} that is not of the {@code type} the request needs. */
    static FieldError typeError(String path, Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return FieldError.of(path, Rule.WHOLE_NUMBER);
        }
        if (type == Boolean.class || type == boolean.class) {
            return FieldError.of(path, Rule.TRUE_OR_FALSE);
        }
        if (type == String.class) {
            return FieldError.of(path, Rule.TEXT);
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return FieldError.of(path, Rule.LIST);
        }
        if (type.isEnum()) {
            return FieldError.of(path, Rule.NOT_ONE_OF, java.util.Arrays.toString(type.getEnumConstants()));
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return FieldError.of(path, Rule.OBJECT);
        }
        return FieldError.of(path, Rule.INVALID_VALUE, type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
    }
}
