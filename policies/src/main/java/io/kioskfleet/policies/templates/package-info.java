/** Ready-made policies that administrators start from, shipped as YAML resources. */
package io.kioskfleet.policies.templates;
