package org.secretariat.contacts.impl.service;

import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.contacts.impl.domain.StateRecord;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.testing.ModuleDatabase;

/**
 * The module's services over an in-memory database, wired as the framework wires them. A test class
 * opens one (migrating and seeding the states takes half a second) and {@link #clear()}s it after
 * each test, which is as good as a fresh one and takes milliseconds.
 */
final class Directory implements AutoCloseable {

    final ModuleDatabase database = ModuleDatabase.of("contacts", StateRecord.class);
    final TestProfile profile = new TestProfile();
    final Themes themes = new Themes(profile);
    /** The CCM's art. 17: the first day of the sixth month after the month of deposit. */
    final ContactSettings settings = ContactSettings.read("first-day-of-month-after:6");
    final States states = new States(database.factory(), profile, settings);
    final StatusTables statusTables = new StatusTables(database.factory(), states);
    final Organisations organisations = new Organisations(database.factory(), states);
    final People people = new People(database.factory(), states);
    final FocalPoints focalPoints = new FocalPoints(database.factory(), states, people, themes);
    final Mandates mandates = new Mandates(database.factory(), states, people, themes);
    final Outreach outreach = new Outreach(database.factory(), states);
    final Search search = new Search(database.factory(), states);
    final StateBook stateBook = new StateBook(states);
    final ContactBook contactBook = new ContactBook(organisations, people, search, focalPoints, mandates);

    /** Back to the seeded states, all not party, and nothing else. */
    void clear() {
        Transactions.inTransaction(database.factory(), em -> {
            for (String entity : new String[] {"Position", "FocalPoint", "Mandate", "Person", "Organisation", "OutreachEntry", "StatusChange"}) {
                em.createQuery("DELETE FROM " + entity + " e").executeUpdate();
            }
            return em.createQuery("UPDATE StateRecord s SET s.status = :status, s.instrument = NULL, s.signatureDate = NULL,"
                    + " s.depositDate = NULL, s.updatedAt = NULL").setParameter("status", TreatyStatus.NOT_PARTY).executeUpdate();
        });
    }

    @Override
    public void close() {
        database.close();
    }
}
