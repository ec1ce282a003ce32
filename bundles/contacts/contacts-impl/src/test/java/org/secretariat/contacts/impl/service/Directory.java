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
public final class Directory implements AutoCloseable {

    public final ModuleDatabase database = ModuleDatabase.of("contacts", StateRecord.class);
    public final TestProfile profile = new TestProfile();
    public final Themes themes = new Themes(profile);
    /** The CCM's art. 17: the first day of the sixth month after the month of deposit. */
    public final ContactSettings settings = ContactSettings.read("first-day-of-month-after:6");
    public final States states = new States(database.factory(), profile, settings);
    public final StatusTables statusTables = new StatusTables(database.factory(), states);
    public final Organisations organisations = new Organisations(database.factory(), states);
    public final Languages languages = new Languages(profile);
    public final People people = new People(database.factory(), states, languages);
    public final FocalPoints focalPoints = new FocalPoints(database.factory(), states, people, themes);
    public final Mandates mandates = new Mandates(database.factory(), states, people, themes);
    public final Outreach outreach = new Outreach(database.factory(), states, organisations, people);
    public final Search search = new Search(database.factory(), states);
    public final StateBook stateBook = new StateBook(states);
    public final ContactBook contactBook = new ContactBook(organisations, people, search, focalPoints, mandates);

    /** Back to the seeded states, all not party, and nothing else. */
    public void clear() {
        Transactions.inTransaction(database.factory(), em -> {
            for (String entity : new String[] {"Position", "FocalPoint", "Mandate", "GroupMembership", "ContactGroup", "MailingRecipient", "MailingText",
                    "Mailing", "Person", "Organisation", "OutreachEntry", "StatusChange"}) {
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
