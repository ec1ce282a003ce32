/**
 * Groups of people (1.1): lists staff keep and saved queries over people and their roles, evaluated when
 * their members are asked for; offered to other modules as {@link org.secretariat.contacts.api.ContactGroups}.
 */
package org.secretariat.contacts.impl.groups;
