/**
 * The admin REST API under {@code /api/v1} and the web console for IT staff, desk users and
 * auditors. Controllers translate HTTP to calls of {@code core} services and back; the rules
 * (validation, scoping, audit) live in those services.
 */
package io.kioskfleet.console;
