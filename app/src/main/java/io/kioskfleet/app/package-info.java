/**
 * The Spring Boot application that assembles the roles (device API, console, jobs) over the
 * core services, and the embedded store by default.
 */
package io.kioskfleet.app;
