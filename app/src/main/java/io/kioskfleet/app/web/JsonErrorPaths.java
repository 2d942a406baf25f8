package io.kioskfleet.app.web;

import io.kioskfleet.core.input.FieldError;
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
            return new FieldError(path, "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (e instanceof InvalidNullException) {
            return new FieldError(path, "must not be null");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldError(path, "must be " + describeType(mismatch.getTargetType()));
        }
        if (e instanceof StreamReadException) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return new FieldError("$", "malformed JSON" + where);
        }
        return new FieldError(path, "cannot be read: " + e.getOriginalMessage().lines().findFirst().orElse(""));
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

    private static String describeType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }
}
