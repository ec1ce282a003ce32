/**
 * The module's persistent model: JPA entities (entity names are the simple class names, so JPQL reads
 * {@code FROM Organisation o}) and their enums. Fields are public because the services of the bundle
 * fill them from the records they take; the package is private to the bundle.
 */
package org.secretariat.contacts.impl.domain;
