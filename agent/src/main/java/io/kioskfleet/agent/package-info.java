/**
 * The reference device agent and fleet simulator. It depends only on {@code protocol} and
 * {@code policies}: it is what a real laptop runs, so it never reaches into the server.
 */
package io.kioskfleet.agent;
