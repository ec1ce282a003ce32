/**
 * The directory every module shares: states and their status toward the convention, organisations
 * and people. Other modules use {@link StateDirectory} and {@link ContactDirectory} through optional
 * references and keep working when the contacts module is not installed.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.secretariat.contacts.api;
