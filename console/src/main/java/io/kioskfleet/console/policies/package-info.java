/** Admin API for policies: drafts, versions, attachment to OUs, device exceptions, effective policies, templates. */
package io.kioskfleet.console.policies;
