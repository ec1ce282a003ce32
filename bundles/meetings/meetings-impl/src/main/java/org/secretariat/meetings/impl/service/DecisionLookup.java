package org.secretariat.meetings.impl.service;

import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.api.MeetingDecisions;
import org.secretariat.platform.api.persistence.Transactions;

/** A meeting's decision by its number, for other modules (finance cites the one that approved a budget). */
@Component(service = MeetingDecisions.class)
public class DecisionLookup implements MeetingDecisions {

    private final EntityManagerFactory factory;

    @Activate
    public DecisionLookup(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory) {
        this.factory = factory;
    }

    // The entity is named in full: inside this class, Decision is the API's record (a member type of MeetingDecisions).
    @Override
    public Optional<MeetingDecisions.Decision> decision(long meetingId, int number) {
        return Transactions.read(factory, em -> em.createQuery("SELECT d FROM Decision d WHERE d.meetingId = :meeting AND d.number = :number",
                org.secretariat.meetings.impl.domain.Decision.class).setParameter("meeting", meetingId).setParameter("number", number).getResultList().stream().findFirst()
                .map(d -> new MeetingDecisions.Decision(d.meetingId, d.number, d.kind == null ? null : d.kind.name(), d.title, d.adoptedOn)));
    }
}
