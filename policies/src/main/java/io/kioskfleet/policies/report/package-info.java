/** Problems found in policy input, with their paths, source positions and bilingual messages. */
package io.kioskfleet.policies.report;
