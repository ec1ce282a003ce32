/**
 * The module's services: each owns its queries, rules and transactions, takes and answers records
 * (the DTOs the REST layer sends as JSON), and refuses with a
 * {@link org.secretariat.platform.api.domain.DomainException}. {@link
 * org.secretariat.contacts.impl.service.StateBook} and {@link
 * org.secretariat.contacts.impl.service.ContactBook} offer them to other modules through the
 * contacts API.
 */
package org.secretariat.contacts.impl.service;
