package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceNode;

/**
 * The type of a setting: how its written value is read and checked, and the canonical Java
 * value it becomes ({@link Long}, {@link Boolean}, {@link String}, a sorted {@code List} of
 * strings, or a {@code Map} of strings), which is also the form hashed into ETags.
 */
public sealed interface SettingType
    permits IntegerRange, Flag, Text, TextSet, BilingualNotice, DailyWindow {

    /** The canonical value of {@code node}, or {@code null} after reporting its problems. */
    Object read(SourceNode node, ProblemSite site);

    /** A short English description of the type and its range, for the settings reference. */
    String describe();
}
