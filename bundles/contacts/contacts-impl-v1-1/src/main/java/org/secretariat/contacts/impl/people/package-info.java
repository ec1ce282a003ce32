/**
 * People as other modules find them (by e-mail, by a name and a State), people who look like duplicates of
 * each other and their merging, and a person's participation in meetings from the meetings module (1.1).
 */
package org.secretariat.contacts.impl.people;
