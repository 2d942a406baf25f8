package io.kioskfleet.core.input;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of rule an input can break, each with a stable code that callers and the console
 * translate, and the English text the API shows as a field error's {@code message}.
 *
 * <p>Most checks use one of the general kinds at the top (required, too long, out of range, one
 * of, …) with the limits as arguments, so a new check rarely needs a new kind. The English texts
 * are {@link MessageFormat} patterns with the arguments as {@code {0}}, {@code {1}}; the console's
 * bundles hold the same patterns under {@code input.<code>} in English and Japanese.
 */
public enum Rule {

    // --- general kinds ---
    REQUIRED("required", "is required"),
    BLANK("blank", "must not be blank"),
    TOO_LONG("too-long", "must be at most {0} characters"),
    LENGTH("length", "must be {0} to {1} characters"),
    CHARACTERS("characters", "must be {0} to {1} characters of {2}"),
    FORMAT("format", "must have the form {0}"),
    OUT_OF_RANGE("out-of-range", "must be from {0} to {1}"),
    NEGATIVE("negative", "must not be negative"),
    NOT_ONE_OF("not-one-of", "must be one of {0}"),
    EMPTY("empty", "must name at least one"),
    TOO_MANY("too-many", "may name at most {0}"),
    EMPTY_ITEM("empty-item", "must not hold empty items"),
    EITHER("either", "give either {0} or {1}, not both"),
    PAST("past", "must be in the future"),
    FUTURE("future", "must not be in the future"),
    TOO_FAR_AHEAD("too-far-ahead", "must be at most {0} days ahead"),
    BEFORE("before", "must not be before {0}"),
    WHOLE_MILLISECONDS("whole-milliseconds", "is required, in whole milliseconds"),
    VERSION_REQUIRED("version-required", "must be the version you read, to detect concurrent changes"),

    // --- references to things that must exist ---
    UNKNOWN_UNIT("unknown-unit", "no organisation unit with id {0}"),
    UNIT_NOT_MANAGED("unit-not-managed",
        "no organisation unit you manage has the id or name ''{0}'' (if two units share the name, use the id)"),
    UNKNOWN_POLICY("unknown-policy", "no policy with id {0}"),
    UNKNOWN_TEMPLATE("unknown-template", "no template {0}"),
    NOT_PUBLISHED("not-published", "the policy has no published version yet; publish it first"),
    UNKNOWN_VERSION("unknown-version", "the policy has no version {0}"),
    VERSION_REFERENCE("version-reference", "must be a version number, latest or draft"),

    // --- organisation units ---
    BRANCH_ADDRESS("branch-address", "a branch office needs its address"),
    HEADQUARTERS_TRAVEL("headquarters-travel", "headquarters is 0 minutes from itself"),
    HEADQUARTERS_PARENT("headquarters-parent", "headquarters has no parent"),
    PARENT_REQUIRED("parent-required", "only headquarters has no parent"),
    MOVE_BELOW_ITSELF("move-below-itself", "a unit cannot move below itself"),

    // --- accounts and tokens ---
    ROLES_NOT_HELD("roles-not-held", "may only include roles you hold: {0}"),
    BRANCH_ADMIN_UNITS("branch-admin-units", "a branch admin needs at least one organisation unit"),
    UNITS_ONLY_FOR_BRANCH_ADMIN("units-only-for-branch-admin", "only a branch admin is limited to units"),

    // --- commands and devices ---
    MESSAGE_LANGUAGES("message-languages", "a MESSAGE needs its text in Japanese (ja) and English (en)"),
    PUBLIC_KEY("public-key", "must be an Ed25519 public key, base64url ({0})"),
    SESSION_ID_TIME("session-id-time", "must be made when the session starts (its time is more than a day from startedAt)"),

    // --- device import files ---
    CSV_NOT_TEXT("csv-not-text", "the file is neither UTF-8 nor Shift_JIS text; save it as CSV (UTF-8) and try again"),
    CSV_UNCLOSED_QUOTE("csv-unclosed-quote", "a quoted field is never closed"),
    CSV_EMPTY("csv-empty", "is empty; the first line names the columns: {0}"),
    CSV_TOO_MANY_ROWS("csv-too-many-rows", "has more than {0} rows; split it"),
    CSV_UNKNOWN_COLUMN("csv-unknown-column", "unknown column ''{0}''; the columns are {1}"),
    CSV_DUPLICATE_COLUMN("csv-duplicate-column", "column ''{0}'' appears twice"),
    CSV_MISSING_COLUMN("csv-missing-column", "the required column ''{0}'' is missing"),
    CSV_FIELD_COUNT("csv-field-count",
        "has {0} fields but the header names {1} columns; put text that contains commas in double quotes"),
    CSV_DUPLICATE_SERIAL("csv-duplicate-serial", "serial {0} appears more than once in the file"),
    SERIAL_IN_OTHER_UNIT("serial-in-other-unit", "serial {0} is already registered in another unit ({1})"),

    // --- request bodies and parameters that cannot be read ---
    UNKNOWN_FIELD("unknown-field", "unknown field ''{0}''"),
    NULL("null", "must not be null"),
    WHOLE_NUMBER("whole-number", "must be a whole number"),
    TRUE_OR_FALSE("true-or-false", "must be true or false"),
    TEXT("text", "must be a string"),
    LIST("list", "must be a list"),
    OBJECT("object", "must be an object"),
    INVALID_VALUE("invalid-value", "must be a valid {0}"),
    MALFORMED_JSON("malformed-json", "malformed JSON at line {0}, column {1}"),
    UNREADABLE("unreadable", "cannot be read: {0}"),
    BODY_REQUIRED("body-required", "a request body is required"),

    /**
     * A policy problem, which carries its own text in both languages: the arguments are the
     * English and the Japanese message, and each bundle picks its own.
     */
    POLICY("policy", "{0}"),

    /** A problem told in one English sentence (the argument), for checks without a rule of their own. */
    SENTENCE("sentence", "{0}");

    private final String code;
    private final String english;

    Rule(String code, String english) {
        this.code = code;
        this.english = english;
    }

    /** The stable code, e.g. {@code too-long}; the console's bundles hold it as {@code input.<code>}. */
    public String code() {
        return code;
    }

    /** The bundle key of this rule's text in the console. */
    public String messageKey() {
        return "input." + code;
    }

    /** The English text with {@code args} filled in. */
    public String english(List<?> args) {
        return new MessageFormat(english, Locale.ENGLISH).format(args.toArray());
    }
}
