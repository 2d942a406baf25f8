/**
 * Validation of policies and device exceptions: every problem at once, with paths and
 * bilingual messages, including rules across settings and locks set higher up.
 */
package io.kioskfleet.policies.validation;
