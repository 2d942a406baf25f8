/**
 * The office calendar: Japanese public holidays computed by rule and the offices' own closures,
 * which schedules may skip.
 */
package io.kioskfleet.core.calendar;
