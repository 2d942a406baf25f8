package io.kioskfleet.protocol.canonical;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a value tree as canonical JSON (in the spirit of RFC 8785): object keys sorted by UTF-16
 * code units, no insignificant whitespace, one spelling per string and number. Two parties that
 * hold the same tree produce the same bytes, so a hash or signature over them agrees.
 *
 * <p>Accepted values: {@code null}, {@link Boolean}, integral numbers, {@link BigDecimal}, finite
 * doubles and floats, {@link CharSequence}, {@link Instant} (ISO-8601), {@link Enum} (its name),
 * {@link Map} with string keys, {@link Collection} and object arrays. Anything else is refused, so
 * a value never reaches a hash through an unstable {@code toString()}.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** Returns the canonical JSON text of {@code value}. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (value instanceof CharSequence text) {
            appendString(out, text);
        } else if (value instanceof Number number) {
            appendNumber(out, number);
        } else if (value instanceof Instant instant) {
            appendString(out, instant.toString());
        } else if (value instanceof Enum<?> constant) {
            appendString(out, constant.name());
        } else if (value instanceof Map<?, ?> map) {
            appendObject(out, map);
        } else if (value instanceof Collection<?> items) {
            appendArray(out, items);
        } else if (value instanceof Object[] items) {
            appendArray(out, java.util.Arrays.asList(items));
        } else {
            throw new IllegalArgumentException(
                "no canonical JSON form for " + value.getClass().getName());
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("object keys must be strings: " + entry.getKey());
            }
            sorted.put(key, entry.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, entry.getKey());
            out.append(':');
            append(out, entry.getValue());
        }
        out.append('}');
    }

    private static void appendArray(StringBuilder out, Collection<?> items) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            append(out, item);
        }
        out.append(']');
    }

    private static void appendNumber(StringBuilder out, Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
            || number instanceof Byte || number instanceof BigInteger) {
            out.append(number);
        } else if (number instanceof BigDecimal decimal) {
            appendDecimal(out, decimal);
        } else if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no form for " + d);
            }
            appendDecimal(out, new BigDecimal(Double.toString(d)));
        } else {
            throw new IllegalArgumentException(
                "no canonical JSON form for " + number.getClass().getName());
        }
    }

    private static void appendDecimal(StringBuilder out, BigDecimal decimal) {
        if (decimal.signum() == 0) {
            out.append('0');
            return;
        }
        out.append(decimal.stripTrailingZeros().toPlainString());
    }

    private static void appendString(StringBuilder out, CharSequence text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
