package io.kioskfleet.core.evidence;

/**
 * A stored export of a scheduled report and its detached signature.
 *
 * @param fileName  e.g. {@code evidence-2026-11-22-day.csv}
 * @param mediaType {@code text/csv} or {@code application/pdf}
 * @param content   the exact bytes that were signed
 * @param signature the {@code .sig} file's text
 */
public record ReportFile(String fileName, String mediaType, byte[] content, String signature) {
}
